package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectThreshold;

/**
 * Tuning of a segment build.
 *
 * @param threads reader threads of the flat table and workers of the cuboid engine
 * @param memoryBudgetBytes heap the cuboid engine's aggregation tables may take (over it, sorted runs spill to disk)
 * @param shardCount shards of the segment's row keys, or 0 to choose from the estimated size
 * @param maxShards the most shards chosen automatically (1..65535)
 * @param targetRegionBytes the region size the split planner aims at
 * @param hllLgK log2 of the HLL sketch size per cuboid (4..21; 11 is about 2.3% error)
 * @param maxSketchedCuboids above this many cuboids only the base cuboid is sketched (each sketched cuboid costs a
 *     sketch update per fact row) and parents are chosen by fewest dimensions
 * @param rejectThreshold rejected rows tolerated before the build fails
 */
public record SegmentBuildConfig(int threads, long memoryBudgetBytes, int shardCount, int maxShards,
        long targetRegionBytes, int hllLgK, int maxSketchedCuboids, RejectThreshold rejectThreshold) {
    public SegmentBuildConfig {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1, got " + threads);
        }
        if (memoryBudgetBytes < 1 << 20) {
            throw new IllegalArgumentException("memoryBudgetBytes must be >= 1 MiB, got " + memoryBudgetBytes);
        }
        if (shardCount < 0 || shardCount > 65_535 || maxShards < 1 || maxShards > 65_535) {
            throw new IllegalArgumentException("shardCount must be 0..65535 and maxShards 1..65535, got "
                    + shardCount + " and " + maxShards);
        }
        if (targetRegionBytes < 1) {
            throw new IllegalArgumentException("targetRegionBytes must be >= 1, got " + targetRegionBytes);
        }
        if (hllLgK < 4 || hllLgK > 21) {
            throw new IllegalArgumentException("hllLgK must be 4..21, got " + hllLgK);
        }
        if (maxSketchedCuboids < 1) {
            throw new IllegalArgumentException("maxSketchedCuboids must be >= 1, got " + maxSketchedCuboids);
        }
        requireNonNull(rejectThreshold, "rejectThreshold is null");
    }

    /** All cores, 40% of the heap, automatic shards (at most 16), 1 GiB regions, lgK 11, 512 sketched cuboids. */
    public static SegmentBuildConfig defaults() {
        return new SegmentBuildConfig(Runtime.getRuntime().availableProcessors(),
                (long) (Runtime.getRuntime().maxMemory() * 0.4), 0, 16, 1L << 30, 11, 512, RejectThreshold.NONE);
    }

    public SegmentBuildConfig withThreads(int n) {
        return new SegmentBuildConfig(n, memoryBudgetBytes, shardCount, maxShards, targetRegionBytes, hllLgK,
                maxSketchedCuboids, rejectThreshold);
    }

    public SegmentBuildConfig withMemoryBudgetBytes(long bytes) {
        return new SegmentBuildConfig(threads, bytes, shardCount, maxShards, targetRegionBytes, hllLgK,
                maxSketchedCuboids, rejectThreshold);
    }

    public SegmentBuildConfig withShards(int shards, long regionBytes) {
        return new SegmentBuildConfig(threads, memoryBudgetBytes, shards, maxShards, regionBytes, hllLgK,
                maxSketchedCuboids, rejectThreshold);
    }

    public SegmentBuildConfig withRejectThreshold(RejectThreshold threshold) {
        return new SegmentBuildConfig(threads, memoryBudgetBytes, shardCount, maxShards, targetRegionBytes, hllLgK,
                maxSketchedCuboids, threshold);
    }
}
