package io.haechi.builder.cuboid;

/**
 * Progress of a cuboid computation, for a progress bar with an ETA. Called from the engine's worker threads;
 * implementations must be thread-safe and quick.
 */
public interface CuboidBuildListener {
    CuboidBuildListener NONE = new CuboidBuildListener() {
    };

    /** {@code total} fact rows have been read so far (called about once per batch). */
    default void factRowsRead(long total) {
    }

    /** {@code stats.cuboid()} is finished and sent; {@code finished} of {@code total} cuboids are done. */
    default void cuboidFinished(CuboidStats stats, int finished, int total) {
    }
}
