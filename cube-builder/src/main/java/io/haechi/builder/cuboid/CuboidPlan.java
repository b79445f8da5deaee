package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What to compute: the cuboids (ids as in {@link CuboidIds}), the parent each is aggregated from (the base cuboid
 * has none), a build order with parents first, and the cuboids already built by an earlier attempt.
 *
 * <p>The lattice module chooses parents (the superset with the fewest estimated rows); the engine takes them as
 * given. A cuboid in {@link #done} is not sent to the sink again; it is still computed when a cuboid that is not done
 * descends from it, because its rows are the input of its children.
 */
public record CuboidPlan(int dimensionCount, Map<Long, Long> parents, List<Long> buildOrder, Set<Long> done) {
    private static final long NO_PARENT = -1L;

    public CuboidPlan {
        requireNonNull(parents, "parents is null");
        requireNonNull(buildOrder, "buildOrder is null");
        requireNonNull(done, "done is null");
        long base = CuboidIds.base(dimensionCount);
        parents = Collections.unmodifiableMap(new LinkedHashMap<>(parents));
        buildOrder = List.copyOf(buildOrder);
        done = Set.copyOf(done);
        if (buildOrder.isEmpty() || buildOrder.get(0) != base) {
            throw new IllegalArgumentException("buildOrder must start with the base cuboid " + base + ": " + buildOrder);
        }
        if (buildOrder.size() != parents.size()) {
            throw new IllegalArgumentException("buildOrder has " + buildOrder.size() + " cuboids but parents has "
                    + parents.size());
        }
        Set<Long> seen = new HashSet<>();
        for (long cuboid : buildOrder) {
            Long parent = parents.get(cuboid);
            if (parent == null) {
                throw new IllegalArgumentException("cuboid " + cuboid + " of buildOrder has no entry in parents");
            }
            if (cuboid == base) {
                if (parent != NO_PARENT) {
                    throw new IllegalArgumentException("the base cuboid " + base + " has no parent, got " + parent);
                }
            } else {
                if ((cuboid & ~base) != 0 || cuboid < 0) {
                    throw new IllegalArgumentException("cuboid " + cuboid + " has bits outside the "
                            + dimensionCount + " dimensions");
                }
                if (!seen.contains(parent)) {
                    throw new IllegalArgumentException("parent " + parent + " of cuboid " + cuboid
                            + " is not built before it in buildOrder");
                }
                if (parent == cuboid || !CuboidIds.contains(parent, cuboid)) {
                    throw new IllegalArgumentException("parent " + parent + " of cuboid " + cuboid
                            + " is not a strict superset of it");
                }
            }
            if (!seen.add(cuboid)) {
                throw new IllegalArgumentException("cuboid " + cuboid + " appears twice in buildOrder");
            }
        }
        for (long cuboid : done) {
            if (!seen.contains(cuboid)) {
                throw new IllegalArgumentException("done cuboid " + cuboid + " is not in the plan");
            }
        }
    }

    /** The base cuboid. */
    public long base() {
        return buildOrder.get(0);
    }

    /** The parent of a non-base cuboid. */
    public long parent(long cuboid) {
        Long parent = parents.get(cuboid);
        if (parent == null || parent == NO_PARENT) {
            throw new IllegalArgumentException("cuboid " + cuboid + " has no parent in the plan");
        }
        return parent;
    }

    /** The children of every cuboid, each list in build order. */
    public Map<Long, List<Long>> children() {
        Map<Long, List<Long>> children = new HashMap<>();
        for (long cuboid : buildOrder) {
            children.put(cuboid, new ArrayList<>());
        }
        for (long cuboid : buildOrder.subList(1, buildOrder.size())) {
            children.get(parents.get(cuboid)).add(cuboid);
        }
        return children;
    }

    /** This plan with more cuboids marked done (a resumed build). */
    public CuboidPlan withDone(Collection<Long> moreDone) {
        Set<Long> all = new HashSet<>(done);
        all.addAll(moreDone);
        return new CuboidPlan(dimensionCount, parents, buildOrder, all);
    }

    /**
     * A plan for the base cuboid plus {@code cuboids}, each built from the cuboid of the plan that contains it with
     * the fewest dimensions (ties: the smaller id), as Kylin 2/3's spanning tree does. The lattice module replaces
     * this with the fewest-estimated-rows parent; tests and benchmarks use it as is.
     */
    public static CuboidPlan fewestDimensionsParents(int dimensionCount, Collection<Long> cuboids) {
        long base = CuboidIds.base(dimensionCount);
        TreeSet<Long> all = new TreeSet<>(cuboids);
        all.add(base);
        List<Long> order = new ArrayList<>(all);
        // Parents first: more dimensions first, then by id, which is deterministic.
        order.sort((a, b) -> Long.bitCount(a) != Long.bitCount(b)
                ? Integer.compare(Long.bitCount(b), Long.bitCount(a)) : Long.compare(a, b));
        Map<Long, Long> parents = new LinkedHashMap<>();
        for (long cuboid : order) {
            if (cuboid == base) {
                parents.put(cuboid, NO_PARENT);
                continue;
            }
            long best = base;
            for (long candidate : order) {
                if (candidate != cuboid && CuboidIds.contains(candidate, cuboid)
                        && (Long.bitCount(candidate) < Long.bitCount(best)
                        || Long.bitCount(candidate) == Long.bitCount(best) && candidate < best)) {
                    best = candidate;
                }
            }
            parents.put(cuboid, best);
        }
        return new CuboidPlan(dimensionCount, parents, order, Set.of());
    }

    /** The marker {@link #parents} holds for the base cuboid. */
    public static long noParent() {
        return NO_PARENT;
    }
}
