package io.haechi.storage.hbase;

/**
 * Writes cells into one table. Cells must come in strictly ascending (row, qualifier) order, unsigned byte order; a
 * violation fails with {@code INVALID_ARGUMENT} naming both keys. Nothing is visible before {@link #commit()};
 * {@link #close()} without a commit discards what was written (for the HFile path).
 */
public interface TableLoad extends AutoCloseable {
    void append(byte[] row, byte[] qualifier, byte[] value);

    /** Makes the written cells visible and returns what was loaded. Call at most once. */
    LoadResult commit();

    /** Releases resources; without a prior commit the load is abandoned. Idempotent. */
    @Override
    void close();
}
