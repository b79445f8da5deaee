package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RowOrigin;

/**
 * One row of a source table: its values in the table's column order, each null or of the Java type its column
 * type maps to (see {@link ColumnValues}), and where it came from. The array is handed over, not copied: a
 * reader makes a new one per row, and the consumer owns it.
 *
 * @param values the values, one per column of the table
 * @param origin file and row or line, for error reports of later stages
 */
public record SourceRow(Object[] values, RowOrigin origin) {
    public SourceRow {
        requireNonNull(values, "values is null");
        requireNonNull(origin, "origin is null");
    }
}
