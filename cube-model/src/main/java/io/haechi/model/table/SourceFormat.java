package io.haechi.model.table;

/** File formats a source table can be read from. */
public enum SourceFormat {
    AVRO,
    CSV,
    PARQUET
}
