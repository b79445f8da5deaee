package io.haechi.model.lattice;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.cube.AggregationGroupDesc;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.DimensionDesc;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpanningTreeTest {
    private static final long A = 4;
    private static final long B = 2;
    private static final long C = 1;

    private static CuboidSet small() {
        return new CuboidSet(new long[] {A | B, A | C, A, C}, A | B | C);
    }

    @Test
    void withoutEstimatesTheParentHasTheFewestDimensionsThenTheSmallestId() {
        SpanningTree t = SpanningTree.build(small(), RowEstimates.none());
        assertThat(t.parent(A | B | C)).isEmpty();
        assertThat(t.parent(A | B)).hasValue(A | B | C);
        assertThat(t.parent(A)).hasValue(A | C);
        assertThat(t.parent(C)).hasValue(A | C);
        assertThat(t.children(A | C)).containsExactly(C, A);
    }

    @Test
    void withEstimatesTheParentHasTheFewestRows() {
        Map<Long, Long> rows = new HashMap<>(Map.of(A | B, 10L, A | C, 100L, A | B | C, 1000L, A, 5L, C, 50L));
        SpanningTree t = SpanningTree.build(small(), RowEstimates.of(rows));
        assertThat(t.parent(A)).hasValue(A | B);
        assertThat(t.parent(C)).hasValue(A | C);
        // estimates need not be monotone: a superset with more dimensions but fewer rows wins
        rows.put(A | B | C, 1L);
        SpanningTree t2 = SpanningTree.build(small(), RowEstimates.of(rows));
        assertThat(t2.parent(A)).hasValue(A | B | C);
        assertThat(t2.parent(C)).hasValue(A | B | C);
    }

    @Test
    void matchesNaiveSearchOnRandomSets() {
        Random random = new Random(99);
        for (int round = 0; round < 6; round++) {
            int dims = 10 + random.nextInt(14);
            long base = (1L << dims) - 1;
            long[] ids = new long[1500];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = random.nextLong() & base & random.nextLong();
            }
            CuboidSet set = new CuboidSet(ids, base);
            Map<Long, Long> rows = new HashMap<>();
            boolean estimates = round % 2 == 1;
            if (estimates) {
                // roughly monotone in the number of dimensions, with noise, and some cuboids unknown
                set.stream().filter(id -> random.nextInt(10) > 0).forEach(id ->
                        rows.put(id, (1L << Long.bitCount(id)) * (50 + random.nextInt(100))));
            }
            RowEstimates e = RowEstimates.of(rows);
            SpanningTree tree = SpanningTree.build(set, e);
            long[] all = set.ids();
            for (long id : all) {
                assertThat(tree.parent(id)).as("parent of %d, round %d", id, round).isEqualTo(naiveParent(all, id, e));
            }
            assertParentsComeFirst(tree);
        }
    }

    /** The definition: the strict superset with the fewest (rows, dimensions, id); unknown rows sort last. */
    private static OptionalLong naiveParent(long[] all, long id, RowEstimates e) {
        long best = -1;
        for (long c : all) {
            if (c != id && (c & id) == id && (best < 0 || cheaper(c, best, e))) {
                best = c;
            }
        }
        return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
    }

    private static boolean cheaper(long x, long y, RowEstimates e) {
        long rx = e.rows(x).orElse(Long.MAX_VALUE);
        long ry = e.rows(y).orElse(Long.MAX_VALUE);
        if (rx != ry) {
            return rx < ry;
        }
        if (Long.bitCount(x) != Long.bitCount(y)) {
            return Long.bitCount(x) < Long.bitCount(y);
        }
        return x < y;
    }

    private static void assertParentsComeFirst(SpanningTree tree) {
        Map<Long, Integer> position = new HashMap<>();
        long[] order = tree.buildOrder();
        for (int i = 0; i < order.length; i++) {
            position.put(order[i], i);
        }
        assertThat(position).hasSize(tree.cuboids().size());
        for (long id : order) {
            tree.parent(id).ifPresent(p -> assertThat(position.get(p)).isLessThan(position.get(id)));
        }
    }

    /**
     * Four overlapping groups of 15 free dimensions each (32,768 cuboids per group, the default cap) over 40
     * dimensions: about 130k cuboids. Prints the thread CPU time the tree takes with and without estimates
     * (measured, not asserted) and checks a sample of parents against the naive search.
     */
    @Test
    void largeCubeTreeIsCorrectOnASample() {
        List<DimensionDesc> dims = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            names.add("d" + i);
            dims.add(DimensionDesc.of("d" + i, "t", "d" + i));
        }
        List<AggregationGroupDesc> groups = new ArrayList<>();
        for (int g = 0; g < 4; g++) {
            groups.add(AggregationGroupDesc.of(names.subList(g * 8, g * 8 + 15)));
        }
        CubeDesc cube = new CubeDesc("big", "m", dims, List.of(), groups, List.of(), List.of(), Optional.empty());
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        CuboidSet set = new CuboidPlanner(cube, CuboidPlanner.DEFAULT_CAP).cuboids();
        long enumerated = cpu.getCurrentThreadCpuTime();
        SpanningTree plain = SpanningTree.build(set, RowEstimates.none());
        long planned = cpu.getCurrentThreadCpuTime();
        Random random = new Random(5);
        Map<Long, Long> rows = new HashMap<>();
        set.stream().forEach(id -> rows.put(id, Math.min(6_000_000L, (1L << Math.min(40, 2 * Long.bitCount(id))))
                + random.nextInt(1000)));
        RowEstimates estimates = RowEstimates.of(rows);
        long estimatesReady = cpu.getCurrentThreadCpuTime();
        SpanningTree byRows = SpanningTree.build(set, estimates);
        long done = cpu.getCurrentThreadCpuTime();
        System.out.printf("spanning tree (thread CPU, cold JIT): %d cuboids enumerated in %d ms; tree by dimensions "
                + "%d ms; by rows %d ms%n",
                set.size(), (enumerated - start) / 1_000_000, (planned - enumerated) / 1_000_000,
                (done - estimatesReady) / 1_000_000);
        assertThat(set.size()).isEqualTo(4 * 32768 - 3 * 128 + 1);
        long[] all = set.ids();
        for (int i = 0; i < 300; i++) {
            long id = all[random.nextInt(all.length)];
            assertThat(plain.parent(id)).isEqualTo(naiveParent(all, id, RowEstimates.none()));
            assertThat(byRows.parent(id)).isEqualTo(naiveParent(all, id, estimates));
        }
        assertParentsComeFirst(byRows);
    }
}
