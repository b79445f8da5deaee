package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;

/**
 * The rows a build wants: those whose partition column lies in a date range. The column may be a DATE, a
 * TIMESTAMP (its day counts), an integer {@code yyyyMMdd} (SSB's {@code lo_orderdate}) or a string {@code yyyy-MM-dd}
 * or {@code yyyyMMdd}.
 *
 * @param column the partition column of the table
 * @param range the days to build, [from, to)
 */
public record PartitionFilter(String column, DateInterval range) {
    public PartitionFilter {
        Names.checkIdentifier(column, "partition column");
        requireNonNull(range, "range is null");
    }
}
