/** Writing generated rows as deterministic Avro container files or CSV, and reading them back. */
package io.haechi.datagen.io;
