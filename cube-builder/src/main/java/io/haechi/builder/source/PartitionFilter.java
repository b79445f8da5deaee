package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The rows a build wants: those whose partition column lies in a date range. The column may be a DATE, a
 * TIMESTAMP (its day counts), an integer {@code yyyyMMdd} (SSB's {@code lo_orderdate}) or a string {@code yyyy-MM-dd}
 * or {@code yyyyMMdd}.
 *
 * @param column the partition column of the table
 * @param range the days to build, [from, to)
 * @param directoryKeys the {@code key=value} directory keys (lower case) whose values are days of this column, so
 *     that directories outside the range are pruned and rows outside their directory's days are rejected. The
 *     default ({@link #PartitionFilter(String, DateInterval)}) is the column's own name plus the usual date keys
 *     {@link #USUAL_DATE_KEYS}. A table partitioned by another date (an ingestion date {@code dt} that late events
 *     do not match) must name only the column: pruning by the wrong date would reject late rows.
 */
public record PartitionFilter(String column, DateInterval range, Set<String> directoryKeys) {
    /** Directory keys that usually hold the partition date: {@code yearmonth=199201}, {@code dt=2026-01-05}, ... */
    public static final Set<String> USUAL_DATE_KEYS =
            Set.of("date", "dt", "ds", "day", "event_date", "yearmonth", "year_month", "ym", "year", "month");

    public PartitionFilter {
        Names.checkIdentifier(column, "partition column");
        requireNonNull(range, "range is null");
        Set<String> keys = new LinkedHashSet<>();
        for (String k : requireNonNull(directoryKeys, "directoryKeys is null")) {
            keys.add(k.toLowerCase(Locale.ROOT));
        }
        directoryKeys = Set.copyOf(keys);
    }

    /** A filter that prunes on directories named after the column or one of {@link #USUAL_DATE_KEYS}. */
    public PartitionFilter(String column, DateInterval range) {
        this(column, range, withColumn(column, USUAL_DATE_KEYS));
    }

    /** A filter that prunes only on directories named after the column itself. */
    public static PartitionFilter onColumnDirectoriesOnly(String column, DateInterval range) {
        return new PartitionFilter(column, range, withColumn(column, Set.of()));
    }

    private static Set<String> withColumn(String column, Set<String> keys) {
        Set<String> all = new LinkedHashSet<>(keys);
        if (column != null) {
            all.add(column.toLowerCase(Locale.ROOT));
        }
        return all;
    }
}
