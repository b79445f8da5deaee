package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What a {@link TableLoad} wrote.
 *
 * @param table the table name
 * @param cells cells written
 * @param bytes key and value bytes appended (before encoding)
 * @param files HFiles written (0 for the Put path)
 * @param writeTime time spent appending (writing HFiles, or sending Puts)
 * @param loadTime time spent making the data visible (bulk load, or the final flush of Puts)
 */
public record LoadResult(String table, long cells, long bytes, int files, Duration writeTime, Duration loadTime) {
    public LoadResult {
        requireNonNull(table, "table is null");
        requireNonNull(writeTime, "writeTime is null");
        requireNonNull(loadTime, "loadTime is null");
        if (cells < 0 || bytes < 0 || files < 0) {
            throw new IllegalArgumentException("counts must be non-negative: cells " + cells + ", bytes " + bytes
                    + ", files " + files);
        }
    }
}
