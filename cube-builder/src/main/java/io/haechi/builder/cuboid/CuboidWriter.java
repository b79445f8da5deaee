package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * Receives the rows of one cuboid in ascending key order (codes of the cuboid's dimensions in row-key order,
 * compared as unsigned integers dimension by dimension), each key once. All calls for one cuboid come from one
 * thread.
 */
public interface CuboidWriter {
    void append(CuboidRow row) throws IOException;

    /** All rows were appended; {@code stats} describes the cuboid. */
    void finish(CuboidStats stats) throws IOException;

    /** The build failed or was cancelled after {@link CuboidSink#open}; drop what was written. Must not throw. */
    void abort();
}
