package io.haechi.builder.cuboid;

import java.io.IOException;

/** Receives aggregated rows; the arrays belong to the caller and change after the call. */
interface RowConsumer {
    void accept(long[] key, int keyOffset, long[] longs, int longOffset, Object[] objects, int objectOffset)
            throws IOException;
}
