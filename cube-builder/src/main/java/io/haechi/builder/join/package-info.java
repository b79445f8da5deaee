/** The flat table: fact rows hash-joined with in-memory lookups (INNER/LEFT, composite keys, snowflake chains). */
package io.haechi.builder.join;
