package io.haechi.storage.hbase;

import org.apache.hadoop.hbase.Cell;

/**
 * A grouping aggregation over stored cells, at the byte level. The same aggregator runs on the region servers (inside
 * {@link HaechiAggregationObserver}, over each region's part of the scan) and on the client (merging the regions'
 * partial aggregates), so {@link #merge} must be associative and commutative.
 *
 * <p>Instances are made per scan by a {@link RegionAggregatorFactory} and used by one thread; they need not be
 * thread-safe.
 */
public interface RegionAggregator {
    /** Whether the row takes part (the residual filter on the row key). */
    boolean accept(byte[] row, int offset, int length);

    /** The group of a cell of an accepted row, or {@code null} to skip the cell. The array must be a copy. */
    byte[] groupKey(Cell cell);

    /** The partial aggregate of one cell (e.g. its measure bytes). The array must be a copy. */
    byte[] value(Cell cell);

    /**
     * Merges two partial aggregates of the same group. It may update {@code left} in place and return it; it must not
     * keep {@code right}.
     */
    byte[] merge(byte[] left, byte[] right);

    /**
     * The table that collects one region's groups. The default merges the byte partials with {@link #merge}; an
     * aggregator whose partials are costly to decode and encode per row (bitmaps) keeps decoded states instead and
     * encodes each group once at the end.
     */
    default GroupTable newGroupTable() {
        return new BytesGroupTable(this);
    }
}
