package io.haechi.model.spi;

/**
 * Writes one segment. Cuboids are written concurrently by several threads, each cuboid by one thread in ascending
 * row-key order ({@link CuboidRowWriter}). {@link #finish} makes the whole segment durable in the store (for HBase:
 * sorted HFiles bulk-loaded); {@link #abort} throws away everything written. Exactly one of them is called.
 */
public interface SegmentWriter extends AutoCloseable {
    /** Starts the rows of one cuboid. */
    CuboidRowWriter openCuboid(long cuboid);

    /** Loads everything written; returns what was stored. */
    SegmentStats finish();

    /** Discards everything written so far; idempotent. */
    void abort();

    /** Aborts unless {@link #finish} succeeded. */
    @Override
    void close();

    /** The rows of one cuboid, strictly ascending by row key. */
    interface CuboidRowWriter {
        void append(byte[] rowKey, byte[] measureCell);

        /** Ends the cuboid; returns the number of rows written. */
        long finish();
    }
}
