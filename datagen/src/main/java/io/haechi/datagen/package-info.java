/** Deterministic data generators (SSB, ad events) writing Avro or CSV files, with progress reporting. */
package io.haechi.datagen;
