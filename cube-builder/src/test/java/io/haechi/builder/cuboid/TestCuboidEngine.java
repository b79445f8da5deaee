package io.haechi.builder.cuboid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test: every cuboid the engine computes equals DuckDB's GROUP BY over the same random fact rows, with a
 * tiny memory budget (many spills, multi-pass merges) and a large one, on 1 and 4 threads; all runs give
 * byte-identical output and leave no spill file behind.
 */
class TestCuboidEngine {
    private static final int ROWS = 60_000;
    private static final int[] CARDINALITIES = {2, 5, 13, 40, 100, 7, 300, 3};
    private static final int DIMS = CARDINALITIES.length;
    private static final MeasureFunctions MEASURES = MeasureFunctions.of(
            LongMeasureFunction.sum("sum_v"),
            LongMeasureFunction.count("cnt"),
            LongMeasureFunction.min("min_w"),
            LongMeasureFunction.max("max_w"),
            new RoaringDistinctFunction("distinct_u"));
    private static final long TINY_BUDGET = 512 * 1024;
    private static final long LARGE_BUDGET = 256L * 1024 * 1024;

    private static int[][] codes;
    private static long[][] values;
    private static CuboidPlan plan;
    private static Map<Long, List<CollectingSink.Row>> expected;

    /** Builds shared by the tests that only read their output, keyed by "budget/threads". */
    private static final Map<String, CollectingSink> BUILDS = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path temp;

    @BeforeAll
    static void generate() throws SQLException {
        Random random = new Random(20261125L);
        codes = new int[ROWS][DIMS];
        values = new long[ROWS][5];
        for (int r = 0; r < ROWS; r++) {
            for (int d = 0; d < DIMS; d++) {
                // Skewed: small codes are frequent, so groups have very different sizes.
                double x = random.nextDouble();
                codes[r][d] = (int) (CARDINALITIES[d] * x * x);
            }
            // d5 follows d1 most of the time: a functional-dependency-like correlation as in hierarchies.
            if (random.nextInt(4) != 0) {
                codes[r][5] = codes[r][1];
            }
            values[r][0] = random.nextInt(200_000) - 1_000;
            values[r][1] = 0;
            values[r][2] = random.nextLong() >> 20;
            values[r][3] = values[r][2];
            values[r][4] = random.nextInt(20_000);
        }
        Set<Long> cuboids = new TreeSet<>();
        Random pick = new Random(7);
        while (cuboids.size() < 45) {
            cuboids.add((long) pick.nextInt(1 << DIMS));
        }
        cuboids.add(0L);
        plan = CuboidPlan.fewestDimensionsParents(DIMS, cuboids);
        expected = duckDbAnswers(plan.buildOrder());
    }

    private static Map<Long, List<CollectingSink.Row>> duckDbAnswers(List<Long> cuboids) throws SQLException {
        Map<Long, List<CollectingSink.Row>> answers = new HashMap<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            String columns = Stream.iterate(0, d -> d + 1).limit(DIMS).map(d -> "d" + d + " INTEGER")
                    .collect(Collectors.joining(", "));
            statement.execute("CREATE TABLE f (" + columns + ", v BIGINT, w BIGINT, u INTEGER)");
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("main", "f")) {
                for (int r = 0; r < ROWS; r++) {
                    appender.beginRow();
                    for (int d = 0; d < DIMS; d++) {
                        appender.append(codes[r][d]);
                    }
                    appender.append(values[r][0]);
                    appender.append(values[r][2]);
                    appender.append((int) values[r][4]);
                    appender.endRow();
                }
            }
            for (long cuboid : cuboids) {
                int[] dims = CuboidIds.dimensions(DIMS, cuboid);
                String keys = java.util.Arrays.stream(dims).mapToObj(d -> "d" + d).collect(Collectors.joining(", "));
                String sql = "SELECT " + (keys.isEmpty() ? "" : keys + ", ")
                        + "CAST(SUM(v) AS BIGINT), COUNT(*), MIN(w), MAX(w), COUNT(DISTINCT u) FROM f"
                        + (keys.isEmpty() ? "" : " GROUP BY " + keys + " ORDER BY " + keys);
                List<CollectingSink.Row> rows = new ArrayList<>();
                try (ResultSet result = statement.executeQuery(sql)) {
                    int width = dims.length + 5;
                    while (result.next()) {
                        List<Long> row = new ArrayList<>();
                        for (int c = 1; c <= width; c++) {
                            row.add(result.getLong(c));
                        }
                        rows.add(new CollectingSink.Row(row));
                    }
                }
                answers.put(cuboid, rows);
            }
        }
        return answers;
    }

    private CuboidEngine engine(long budget, int threads) {
        CuboidEngineConfig config = new CuboidEngineConfig(budget, threads, temp.resolve("spill"), 1000, 4096, 4);
        return new CuboidEngine(config, dimensions(), MEASURES);
    }

    private static List<DimensionSpec> dimensions() {
        List<DimensionSpec> dims = new ArrayList<>();
        for (int d = 0; d < DIMS; d++) {
            dims.add(new DimensionSpec("d" + d, CARDINALITIES[d]));
        }
        return dims;
    }

    private CollectingSink cachedBuild(long budget, int threads) throws IOException {
        String key = budget + "/" + threads;
        CollectingSink sink = BUILDS.get(key);
        if (sink == null) {
            sink = build(budget, threads);
            BUILDS.put(key, sink);
        }
        return sink;
    }

    private CollectingSink build(long budget, int threads) throws IOException {
        CollectingSink sink = new CollectingSink(MEASURES);
        engine(budget, threads).build(plan, new ArrayFactSource(codes, values), sink, CuboidBuildListener.NONE);
        assertThat(spillFiles()).as("spill files left behind").isEmpty();
        return sink;
    }

    private List<Path> spillFiles() throws IOException {
        Path spill = temp.resolve("spill");
        if (!Files.exists(spill)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(spill)) {
            return files.filter(path -> !path.equals(spill)).collect(Collectors.toList());
        }
    }

    @Test
    void everyCuboidEqualsDuckDbWithTinyBudgetOneThread() throws IOException {
        CollectingSink sink = cachedBuild(TINY_BUDGET, 1);
        assertEqualsDuckDb(sink);
        long spilled = sink.stats.values().stream().mapToLong(CuboidStats::spilledRuns).sum();
        assertThat(spilled).as("runs spilled under the tiny budget").isGreaterThan(100);
    }

    @Test
    void everyCuboidEqualsDuckDbWithLargeBudgetFourThreads() throws IOException {
        CollectingSink sink = cachedBuild(LARGE_BUDGET, 4);
        assertEqualsDuckDb(sink);
        long spilled = sink.stats.values().stream().mapToLong(CuboidStats::spilledRuns).sum();
        assertThat(spilled).as("runs spilled under the large budget").isZero();
    }

    @Test
    void outputIsByteIdenticalAcrossBudgetsAndThreads() throws IOException {
        Map<Long, byte[]> reference = cachedBuild(LARGE_BUDGET, 1).images;
        assertThat(reference).hasSize(plan.buildOrder().size());
        for (long budget : new long[] {TINY_BUDGET, LARGE_BUDGET}) {
            for (int threads : new int[] {1, 4}) {
                Map<Long, byte[]> images = cachedBuild(budget, threads).images;
                assertThat(images.keySet()).isEqualTo(reference.keySet());
                for (long cuboid : reference.keySet()) {
                    assertThat(images.get(cuboid)).as("cuboid %d, budget %d, %d threads", cuboid, budget, threads)
                            .isEqualTo(reference.get(cuboid));
                }
            }
        }
    }

    @Test
    void statisticsCountRowsAndInputs() throws IOException {
        CollectingSink sink = cachedBuild(TINY_BUDGET, 4);
        for (long cuboid : plan.buildOrder()) {
            CuboidStats stats = sink.stats.get(cuboid);
            assertThat(stats.rows()).isEqualTo(expected.get(cuboid).size());
            long inputRows = cuboid == plan.base() ? ROWS : sink.stats.get(plan.parent(cuboid)).rows();
            assertThat(stats.inputRows()).as("input rows of cuboid %d", cuboid).isEqualTo(inputRows);
            assertThat(stats.parent()).isEqualTo(cuboid == plan.base() ? -1 : plan.parent(cuboid));
        }
    }

    @Test
    void resumedPlanSkipsDoneCuboidsButStillBuildsTheirChildren() throws IOException {
        List<Long> done = new ArrayList<>();
        for (long cuboid : plan.buildOrder()) {
            if (done.size() < 10 && cuboid != 0) {
                done.add(cuboid);
            }
        }
        CollectingSink sink = new CollectingSink(MEASURES);
        CuboidBuildResult result = engine(LARGE_BUDGET, 2).build(plan.withDone(done),
                new ArrayFactSource(codes, values), sink, CuboidBuildListener.NONE);
        assertThat(sink.rows.keySet()).doesNotContainAnyElementsOf(done);
        assertThat(sink.rows).hasSize(plan.buildOrder().size() - done.size());
        assertThat(result.cuboids()).hasSize(plan.buildOrder().size() - done.size());
        for (long cuboid : sink.rows.keySet()) {
            assertThat(sink.rows.get(cuboid)).as("cuboid %d", cuboid).isEqualTo(expected.get(cuboid));
        }
        assertThat(spillFiles()).isEmpty();
    }

    @Test
    void progressReportsFactRowsAndEveryCuboid() throws IOException {
        AtomicReference<Long> lastRows = new AtomicReference<>(0L);
        List<Integer> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        CuboidBuildListener listener = new CuboidBuildListener() {
            @Override
            public void factRowsRead(long total) {
                lastRows.accumulateAndGet(total, Math::max);
            }

            @Override
            public void cuboidFinished(CuboidStats stats, int count, int total) {
                assertThat(total).isEqualTo(plan.buildOrder().size());
                finished.add(count);
            }
        };
        engine(LARGE_BUDGET, 2).build(plan, new ArrayFactSource(codes, values), new CollectingSink(MEASURES),
                listener);
        assertThat(lastRows.get()).isEqualTo(ROWS);
        assertThat(new TreeSet<>(finished)).hasSize(plan.buildOrder().size()).first().isEqualTo(1);
    }

    @Test
    void failingSinkAbortsAndCleansUp() {
        long victim = plan.buildOrder().get(plan.buildOrder().size() / 2);
        CollectingSink collecting = new CollectingSink(MEASURES);
        CuboidSink failing = (cuboid, dims) -> {
            CuboidWriter writer = collecting.open(cuboid, dims);
            if (cuboid != victim) {
                return writer;
            }
            return new CuboidWriter() {
                @Override
                public void append(CuboidRow row) throws IOException {
                    throw new IOException("disk full (test)");
                }

                @Override
                public void finish(CuboidStats stats) {
                }

                @Override
                public void abort() {
                    writer.abort();
                }
            };
        };
        assertThatThrownBy(() -> engine(TINY_BUDGET, 4).build(plan, new ArrayFactSource(codes, values), failing,
                CuboidBuildListener.NONE)).isInstanceOf(IOException.class).hasMessageContaining("disk full");
        assertThat(collecting.aborted).contains(victim);
        assertThat(collecting.stats.keySet()).doesNotContain(victim);
        assertThat(Files.exists(temp.resolve("spill"))).isTrue();
        assertThat(catchSpillFiles()).isEmpty();
    }

    @Test
    void interruptCancelsAndCleansUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CollectingSink collecting = new CollectingSink(MEASURES);
        CuboidSink slow = (cuboid, dims) -> {
            CuboidWriter writer = collecting.open(cuboid, dims);
            return new CuboidWriter() {
                @Override
                public void append(CuboidRow row) throws IOException {
                    started.countDown();
                    writer.append(row);
                }

                @Override
                public void finish(CuboidStats stats) throws IOException {
                    writer.finish(stats);
                }

                @Override
                public void abort() {
                    writer.abort();
                }
            };
        };
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread builder = new Thread(() -> {
            try {
                engine(TINY_BUDGET, 2).build(plan, new ArrayFactSource(codes, values), slow,
                        CuboidBuildListener.NONE);
            } catch (Throwable e) {
                failure.set(e);
            }
        });
        builder.start();
        started.await();
        builder.interrupt();
        builder.join();
        assertThat(failure.get()).isInstanceOf(CancellationException.class);
        assertThat(collecting.stats).hasSizeLessThan(plan.buildOrder().size());
        assertThat(catchSpillFiles()).isEmpty();
    }

    @Test
    void codeOutsideCardinalityNamesTheDimension() {
        int[][] bad = new int[][] {codes[0].clone(), codes[1].clone()};
        bad[1][3] = CARDINALITIES[3];
        long[][] badValues = new long[][] {values[0], values[1]};
        assertThatThrownBy(() -> engine(LARGE_BUDGET, 1).build(plan, new ArrayFactSource(bad, badValues),
                new CollectingSink(MEASURES), CuboidBuildListener.NONE))
                .isInstanceOf(HaechiException.class)
                .hasMessageContaining("fact row 1")
                .hasMessageContaining("dimension d3 has code 40, expected a code in [0, 40)");
        assertThat(catchSpillFiles()).isEmpty();
    }

    private List<Path> catchSpillFiles() {
        try {
            return spillFiles();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assertEqualsDuckDb(CollectingSink sink) {
        assertThat(sink.rows.keySet()).containsExactlyInAnyOrderElementsOf(plan.buildOrder());
        for (long cuboid : plan.buildOrder()) {
            assertThat(sink.rows.get(cuboid)).as("cuboid %s", Long.toBinaryString(cuboid))
                    .isEqualTo(expected.get(cuboid));
        }
    }
}
