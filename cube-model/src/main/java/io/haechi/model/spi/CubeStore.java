package io.haechi.model.spi;

import java.util.Iterator;

/**
 * Where built cuboids live and how they are scanned: the storage SPI between the builder, the query engine and a
 * store (HBase in {@code storage-hbase}, a test double in memory).
 *
 * <p>A segment's data is addressed by its {@link SegmentLayout#storageId()}. Writing a segment never makes it
 * visible to queries: the metadata store does that (the builder flips the segment to READY after
 * {@link SegmentWriter#finish()}). A failed or discarded build calls {@link #dropSegment}.
 *
 * <p>Rows are the row-key codec's keys ({@code io.haechi.model.rowkey.RowKeyCodec}: shard + cuboid id +
 * fixed-width codes) and one cell of measure states ({@code MeasureRowCodec}). Implementations are thread-safe.
 */
public interface CubeStore extends AutoCloseable {
    /** Starts writing a new segment; fails if a segment with that storage id exists. */
    SegmentWriter createSegment(SegmentLayout layout);

    /** Whether data for this storage id exists (loaded, or partly written by a build that died). */
    boolean segmentExists(String storageId);

    /** Removes a segment's data; does nothing if there is none. */
    void dropSegment(String storageId);

    /**
     * Scans one segment: the rows of {@link CuboidScanRequest#cuboid()} inside its key ranges that pass the residual
     * filter, rolled up to {@link CuboidScanRequest#groupBy()} (a sub-cuboid: merging measure states of rows whose
     * group-by codes are equal). The iterator yields each group once, in no particular order; the caller merges
     * across segments. Close it to release the scan.
     */
    ScanResult scan(CuboidScanRequest request);

    @Override
    void close();

    /** The groups of one scan: {@link AggregateRow}s; must be closed. */
    interface ScanResult extends Iterator<AggregateRow>, AutoCloseable {
        @Override
        void close();
    }
}
