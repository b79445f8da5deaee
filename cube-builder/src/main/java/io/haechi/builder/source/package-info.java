/**
 * The source SPI and its readers: listing a table's files as splits with partition pruning, reading Avro and CSV
 * rows normalised to the column types, schema inference from Avro, and counting bad input by reason.
 */
package io.haechi.builder.source;
