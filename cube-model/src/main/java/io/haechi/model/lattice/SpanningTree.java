package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Comparator;
import java.util.OptionalLong;
import java.util.stream.IntStream;

/**
 * Which built cuboid each cuboid is aggregated from. A cuboid's parent is the strict superset in the set that is
 * cheapest by (estimated rows, then fewest dimensions, then smallest id); without estimates that is the fewest
 * dimensions. The base cuboid (and any cuboid with no superset in the set) has no parent.
 *
 * <p>The search ({@code ParentFinder}) buckets cuboids by level, keeps per-dimension bitsets over each level's cost
 * order, bounds the search with the one-dimension-larger cuboids and the base, and scans only positions cheaper than
 * the bound, 64 at a time. Measured (thread CPU time, warm JIT, on a 2-core machine shared with other builds):
 * 130,689 cuboids (four 15-dimension groups over 40 dimensions) take about 0.15 s to enumerate and plan by
 * dimensions and 0.3 s by estimated rows; wall time under a load average of 20 was 0.6-4 s.
 */
public final class SpanningTree {
    private final CuboidSet cuboids;
    private final LongIntMap index;
    private final long[] parents;
    private final int[][] children;

    private SpanningTree(CuboidSet cuboids, long[] parents) {
        this.cuboids = cuboids;
        this.parents = parents;
        int n = cuboids.size();
        this.index = new LongIntMap(n);
        for (int i = 0; i < n; i++) {
            index.put(cuboids.idAt(i), i);
        }
        int[] counts = new int[n];
        for (long p : parents) {
            if (p >= 0) {
                counts[index.get(p)]++;
            }
        }
        children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[counts[i]];
            counts[i] = 0;
        }
        for (int i = 0; i < n; i++) {
            if (parents[i] >= 0) {
                int p = index.get(parents[i]);
                children[p][counts[p]++] = i;
            }
        }
    }

    /** Builds the tree, choosing parents by {@code estimates} (use {@link RowEstimates#none()} for none). */
    public static SpanningTree build(CuboidSet cuboids, RowEstimates estimates) {
        requireNonNull(cuboids, "cuboids is null");
        requireNonNull(estimates, "estimates is null");
        return new SpanningTree(cuboids, new ParentFinder(cuboids, estimates).parents());
    }

    public CuboidSet cuboids() {
        return cuboids;
    }

    /** The parent of {@code cuboid}; empty for the base cuboid. */
    public OptionalLong parent(long cuboid) {
        long p = parents[position(cuboid)];
        return p < 0 ? OptionalLong.empty() : OptionalLong.of(p);
    }

    /** The cuboids built from {@code cuboid}, ascending. */
    public long[] children(long cuboid) {
        return Arrays.stream(children[position(cuboid)]).mapToLong(cuboids::idAt).toArray();
    }

    /** Every cuboid, parents before children: by dimension count descending, then id ascending. */
    public long[] buildOrder() {
        return IntStream.range(0, cuboids.size()).boxed()
                .sorted(Comparator.comparingInt((Integer i) -> -Long.bitCount(cuboids.idAt(i)))
                        .thenComparingLong(cuboids::idAt))
                .mapToLong(cuboids::idAt).toArray();
    }

    private int position(long cuboid) {
        int i = index.get(cuboid);
        if (i < 0) {
            throw new IllegalArgumentException("cuboid " + cuboid + " is not in the cuboid set");
        }
        return i;
    }
}
