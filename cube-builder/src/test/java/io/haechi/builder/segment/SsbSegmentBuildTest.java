package io.haechi.builder.segment;

import io.haechi.builder.job.InMemoryJobRepository;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobRunner;
import io.haechi.builder.job.JobState;
import io.haechi.builder.job.StepRecord;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.SourceReaders;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentWriter;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds SSB cubes (SF 0.01, generated) into the in-memory store, decodes every stored row and compares each cuboid
 * with DuckDB's GROUP BY over the same generated rows (CSV written by the same deterministic generator).
 */
class SsbSegmentBuildTest {
    @TempDir
    static Path dir;

    static List<TableDesc> tables;
    static ModelDesc model;
    static Connection duck;

    @BeforeAll
    static void generate() throws Exception {
        SsbGenerator.generate(new SsbOptions(0.01, dir.resolve("avro"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        SsbGenerator.generate(new SsbOptions(0.01, dir.resolve("csv"), OutputFormat.CSV).withThreads(1),
                ProgressListener.NONE);
        tables = SsbTables.at(dir.resolve("avro"), OutputFormat.AVRO);
        model = SegmentFixture.model("ssb/model.json");
        duck = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement st = duck.createStatement()) {
            for (TableDesc t : SsbTables.at(dir.resolve("csv"), OutputFormat.CSV)) {
                String glob = Files.isDirectory(Path.of(t.location())) ? t.location() + "/**/*.csv" : t.location();
                st.execute("create table " + t.name() + " as select * from read_csv('" + glob
                        + "', header=true, hive_partitioning=false)");
            }
        }
    }

    @AfterAll
    static void close() throws Exception {
        if (duck != null) {
            duck.close();
        }
    }

    private static void assertEqualsDuckDb(InMemoryCubeStore store, ValidatedCube cube, SegmentBuildResult result,
            String where) throws Exception {
        Map<Long, Map<String, String>> stored = SegmentFixture.decode(store, cube, result);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(
                cube.cuboids().stream().boxed().toList());
        for (long cuboid : cube.cuboids().ids()) {
            Map<String, String> expected = SegmentFixture.groupBy(duck, cube, model, cuboid, where);
            assertThat(stored.get(cuboid)).as("cuboid %s %s", cuboid, cube.layout().dimensionsOf(cuboid))
                    .hasSameSizeAs(expected).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(result.stats().rowsPerCuboid().get(cuboid)).isEqualTo(expected.size());
        }
    }

    @Test
    void designBEqualsDuckDbForEveryCuboid() throws Exception {
        ValidatedCube cube = SegmentFixture.validate(SegmentFixture.cube("ssb/cube-per-query.json"), model, tables);
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables),
                new DateInterval(LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1)), "ssb_b_all");
        SegmentBuildJob job = new SegmentBuildJob(spec, store, SourceReaders.defaults(),
                SegmentBuildConfig.defaults().withThreads(2).withShards(3, 1L << 30));
        SegmentBuildResult result = SegmentFixture.build(job, dir.resolve("jobs"), "b-all");

        assertEqualsDuckDb(store, cube, result, "true");
        BuildReport report = result.report();
        long lineorders;
        try (Statement st = duck.createStatement(); var rs = st.executeQuery("select count(*) from lineorder")) {
            rs.next();
            lineorders = rs.getLong(1);
        }
        assertThat(report.rejects().rowsRead()).isEqualTo(lineorders);
        assertThat(report.factRows()).isEqualTo(lineorders);
        assertThat(report.rejects().rejectedRows()).isZero();
        assertThat(report.stepTimes()).containsOnlyKeys(SegmentBuildJob.STEP_NAMES);
        assertThat(result.shardCount()).isEqualTo(3);
        assertThat(store.layout("ssb_b_all").splitKeys()).hasSizeGreaterThanOrEqualTo(2);
        // HLL estimates within 10% of the true row counts (lgK 11: ~2.3% standard error).
        for (Map.Entry<Long, Long> e : result.stats().rowsPerCuboid().entrySet()) {
            assertThat((double) report.estimatedRows().get(e.getKey()))
                    .isCloseTo(e.getValue(), org.assertj.core.data.Percentage.withPercentage(10));
        }
        assertThat(report.toText()).contains("ssb_b_all", "read-and-stats", "cuboids");
        System.out.println(report.toText());
    }

    @Test
    void designASubsetOfCuboidsOverAYearEqualsDuckDb() throws Exception {
        CubeDesc full = SegmentFixture.cube("ssb/cube-kylin.json");
        ValidatedCube cube = SegmentFixture.validate(full, model, tables);
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables),
                new DateInterval(LocalDate.of(1994, 1, 1), LocalDate.of(1995, 1, 1)), "ssb_a_1994");
        SegmentBuildJob job = new SegmentBuildJob(spec, store, SourceReaders.defaults(),
                SegmentBuildConfig.defaults().withThreads(2).withMemoryBudgetBytes(4L << 20));
        SegmentBuildResult result = SegmentFixture.build(job, dir.resolve("jobs"), "a-1994");
        Map<Long, Map<String, String>> stored = SegmentFixture.decode(store, cube, result);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(cube.cuboids().stream().boxed().toList());
        long[] ids = cube.cuboids().ids();
        String where = "lo_orderdate >= 19940101 and lo_orderdate < 19950101";
        for (int i = 0; i < ids.length; i += Math.max(1, ids.length / 12)) {
            Map<String, String> expected = SegmentFixture.groupBy(duck, cube, model, ids[i], where);
            assertThat(stored.get(ids[i])).as("cuboid %s", cube.layout().dimensionsOf(ids[i]))
                    .containsExactlyInAnyOrderEntriesOf(expected);
        }
        Map<String, String> base = SegmentFixture.groupBy(duck, cube, model, cube.cuboids().baseCuboid(), where);
        assertThat(stored.get(cube.cuboids().baseCuboid())).containsExactlyInAnyOrderEntriesOf(base);
        assertThat(result.report().rejects().rowsRead()).isEqualTo(result.report().factRows());
    }

    @Test
    void failedCuboidsStepResumesToTheSameSegmentAsACleanBuild() throws Exception {
        ValidatedCube cube = SegmentFixture.validate(SegmentFixture.cube("ssb/cube-per-query.json"), model, tables);
        DateInterval range = new DateInterval(LocalDate.of(1995, 1, 1), LocalDate.of(1997, 1, 1));
        SegmentBuildConfig config = SegmentBuildConfig.defaults().withThreads(2).withShards(2, 1L << 30);
        InMemoryCubeStore cleanStore = new InMemoryCubeStore(true);
        SegmentBuildSpec cleanSpec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables), range, "ssb_clean");
        SegmentBuildResult clean = SegmentFixture.build(new SegmentBuildJob(cleanSpec, cleanStore,
                SourceReaders.defaults(), config), dir.resolve("jobs"), "clean");

        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables), range, "ssb_resumed");
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        InMemoryJobRepository repo = new InMemoryJobRepository();
        List<String> skipped = new java.util.concurrent.CopyOnWriteArrayList<>();
        JobRunner runner = new JobRunner(repo, dir.resolve("resume-jobs"), java.time.Clock.systemUTC(),
                new JobListener() {
                    @Override
                    public void stepSkipped(Job job, StepRecord step) {
                        skipped.add(step.name());
                    }
                });
        repo.create(Job.create("resume", "BUILD", "test", "ssb", Map.of(), SegmentBuildJob.STEP_NAMES,
                java.time.Instant.now()));
        AtomicInteger opened = new AtomicInteger();
        SegmentBuildJob failing = new SegmentBuildJob(spec, store, SourceReaders.defaults(), config)
                .interceptSink(sink -> (cuboid, dimensions) -> {
                    if (opened.incrementAndGet() == 5) {
                        throw new java.io.IOException("injected failure while writing cuboid " + cuboid);
                    }
                    return sink.open(cuboid, dimensions);
                });
        assertThatThrownBy(() -> runner.run("resume", failing.steps())).hasMessageContaining("injected failure");
        Job failed = repo.get("resume").orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.step("read-and-stats").state()).isEqualTo(JobState.DONE);
        assertThat(failed.step("cuboids").state()).isEqualTo(JobState.FAILED);
        assertThat(store.segmentExists("ssb_resumed")).isFalse();

        // A process killed mid-cuboids leaves a partial segment behind: plant one; the resumed step drops it first.
        try (SegmentWriter leftover = store.createSegment(new SegmentLayout("ssb_resumed", List.of()))) {
            leftover.openCuboid(1).append(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 7}, new byte[] {1});
            leftover.finish();
        }
        long dropsBefore = store.drops.get();
        SegmentBuildJob resumed = new SegmentBuildJob(spec, store, SourceReaders.defaults(), config);
        runner.run("resume", resumed.steps());
        assertThat(skipped).containsExactly("read-and-stats");
        assertThat(store.drops.get()).isGreaterThan(dropsBefore);
        SegmentBuildResult result = resumed.result().orElseThrow();
        assertThat(SegmentFixture.decode(store, cube, result)).isEqualTo(SegmentFixture.decode(cleanStore, cube,
                clean));
        assertThat(result.stats().rowsPerCuboid()).isEqualTo(clean.stats().rowsPerCuboid());
        assertThat(store.rows("ssb_resumed").size()).isEqualTo(cleanStore.rows("ssb_clean").size());
    }

    @Test
    void loadInAResumedProcessRewritesTheCuboidsFirst() throws Exception {
        ValidatedCube cube = SegmentFixture.validate(SegmentFixture.cube("ssb/cube-per-query.json"), model, tables);
        DateInterval range = new DateInterval(LocalDate.of(1997, 1, 1), LocalDate.of(1998, 1, 1));
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables), range, "ssb_1997");
        SegmentBuildConfig config = SegmentBuildConfig.defaults().withThreads(2);
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        store.failNextFinish.set(true);
        InMemoryJobRepository repo = new InMemoryJobRepository();
        JobRunner runner = new JobRunner(repo, dir.resolve("load-jobs"), java.time.Clock.systemUTC(),
                new JobListener() {
                });
        repo.create(Job.create("load", "BUILD", "test", "ssb", Map.of(), SegmentBuildJob.STEP_NAMES,
                java.time.Instant.now()));
        assertThatThrownBy(() -> runner.run("load", new SegmentBuildJob(spec, store, SourceReaders.defaults(),
                config).steps())).hasMessageContaining("died before the load");
        Job failed = repo.get("load").orElseThrow();
        assertThat(failed.step("cuboids").state()).isEqualTo(JobState.DONE);
        assertThat(failed.step("load").state()).isEqualTo(JobState.FAILED);

        SegmentBuildJob resumed = new SegmentBuildJob(spec, store, SourceReaders.defaults(), config);
        runner.run("load", resumed.steps());
        SegmentBuildResult result = resumed.result().orElseThrow();
        Map<Long, Map<String, String>> stored = SegmentFixture.decode(store, cube, result);
        String where = "lo_orderdate >= 19970101 and lo_orderdate < 19980101";
        for (long cuboid : new long[] {cube.cuboids().baseCuboid(), cube.cuboids().ids()[0]}) {
            assertThat(stored.get(cuboid)).containsExactlyInAnyOrderEntriesOf(
                    SegmentFixture.groupBy(duck, cube, model, cuboid, where));
        }
        assertThat(stored).hasSize(cube.cuboids().size());
    }
}
