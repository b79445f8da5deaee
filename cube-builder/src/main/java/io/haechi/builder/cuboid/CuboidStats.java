package io.haechi.builder.cuboid;

/**
 * What computing one cuboid took: its rows, the bytes of its rows in the engine's row format (key words plus
 * states; a size indication, not the stored size), the rows read from its parent (fact rows for the base cuboid),
 * the sorted runs it spilled and their bytes, and the wall time.
 */
public record CuboidStats(long cuboid, long parent, long rows, long bytes, long inputRows, int spilledRuns,
        long spilledBytes, long nanos) {
    public CuboidStats {
        if (rows < 0 || bytes < 0 || inputRows < 0 || spilledRuns < 0 || spilledBytes < 0 || nanos < 0) {
            throw new IllegalArgumentException("negative statistic for cuboid " + cuboid);
        }
    }
}
