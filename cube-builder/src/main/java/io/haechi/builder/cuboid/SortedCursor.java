package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * Rows in ascending key order, each key at most once per cursor. After {@link #next} returns true, the accessors
 * expose the current row until the next call.
 */
interface SortedCursor extends AutoCloseable {
    boolean next() throws IOException;

    long[] keyArray();

    int keyOffset();

    long[] longArray();

    int longOffset();

    Object[] objectArray();

    int objectOffset();

    @Override
    void close() throws IOException;
}
