package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobState;
import io.haechi.builder.job.StepRecord;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI build in its own JVM (over the test's in-process HBase) is SIGKILLed mid-cuboids; the job is then orphaned
 * and its segment invisible; resumed in-process it yields the same cube as a clean build. A build that fails after
 * its store table was created is discarded: table, segment and work files go, and the range can be built again.
 */
class KillAndResumeTest {
    private static final String CUBE = "ssb_per_query";
    private static final LocalDate FROM = LocalDate.of(1993, 1, 1);
    private static final LocalDate TO = LocalDate.of(1996, 1, 1);
    private static final List<String> JDK_FLAGS = List.of("--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED", "--add-exports",
            "java.base/jdk.internal.misc=ALL-UNNAMED",
            "-Dorg.apache.hbase.thirdparty.io.netty.tryReflectionSetAccessible=true");

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    void sigkilledBuildResumesToTheSameCubeAsACleanBuild() throws Exception {
        SsbGenerator.generate(new SsbOptions(0.01, tmp.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        Path childData = tmp.resolve("child-data");
        try (HaechiContext ctx = E2e.context(childData, Map.of())) {
            E2e.apply(ctx.catalog(), "e2e_kill", tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                    "ssb/cube-per-query.json");
            E2e.apply(ctx.catalog(), "e2e_clean", tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                    "ssb/cube-per-query.json");

            Job killed = buildInChildAndKillMidCuboids(ctx, childData);
            assertThat(killed.isOrphaned()).as("job %s after SIGKILL", killed).isTrue();
            assertThat(killed.state()).isEqualTo(JobState.RUNNING);
            assertThat(killed.step("read-and-stats").state()).isEqualTo(JobState.DONE);
            assertThat(killed.step("cuboids").state()).isEqualTo(JobState.RUNNING);
            SegmentDesc building = ctx.catalog().segment("e2e_kill", CUBE, killed.params().get("segment"))
                    .orElseThrow().value();
            assertThat(building.status()).isEqualTo(SegmentStatus.BUILDING);
            assertThat(ctx.catalog().readySegments("e2e_kill", CUBE, FROM, TO)).isEmpty();
            // 'haechi jobs' (another JVM again) tells the user it is resumable.
            File jobsLog = tmp.resolve("jobs.log").toFile();
            Process jobs = childCli(jobsLog, "jobs", "-p", "e2e_kill", "--data-dir", childData.toString());
            assertThat(jobs.waitFor(90, TimeUnit.SECONDS)).isTrue();
            String listed = Files.readString(jobsLog.toPath());
            assertThat(jobs.exitValue()).as(listed).isZero();
            assertThat(listed).contains(killed.id() + "  BUILD", "RUNNING (runner died: resumable)");

            // Resume in this JVM from the child's data dir: read-and-stats is skipped, cuboids redone.
            List<String> skipped = new CopyOnWriteArrayList<>();
            JobListener listener = new JobListener() {
                @Override
                public void stepSkipped(Job job, StepRecord step) {
                    skipped.add(step.name());
                }
            };
            long resumeStart = System.nanoTime();
            BuildOutcome resumed = ctx.builds(listener).run(killed.id(), listener);
            long resumeMillis = (System.nanoTime() - resumeStart) / 1_000_000;
            assertThat(skipped).containsExactly("read-and-stats");
            assertThat(resumed.job().state()).isEqualTo(JobState.DONE);
            assertThat(resumed.segment().status()).isEqualTo(SegmentStatus.READY);
            assertThat(ctx.catalog().readySegments("e2e_kill", CUBE, FROM, TO)).extracting(SegmentDesc::storageId)
                    .containsExactly(building.storageId());

            long cleanStart = System.nanoTime();
            BuildService builds = ctx.builds(new JobListener() {
            });
            BuildOutcome clean = builds.run(builds.start("e2e_clean", CUBE, FROM, TO), new JobListener() {
            });
            System.out.printf("resume after SIGKILL: %d ms; clean build: %d ms%n", resumeMillis,
                    (System.nanoTime() - cleanStart) / 1_000_000);

            E2e.Segment a = E2e.segment(ctx.catalog(), "e2e_kill", resumed.segment(), tmp);
            E2e.Segment b = E2e.segment(ctx.catalog(), "e2e_clean", clean.segment(), tmp);
            assertThat(resumed.segment().rowsPerCuboid()).isEqualTo(clean.segment().rowsPerCuboid());
            assertThat(resumed.segment().sourceRows()).isEqualTo(clean.segment().sourceRows());
            long[] cuboids = a.cube().cuboids().ids();
            assertThat(cuboids).hasSizeGreaterThan(1);
            for (long cuboid : cuboids) {
                Map<String, String> decoded = E2e.scan(ctx.cubeStore(), a, cuboid);
                assertThat(decoded).as("cuboid %s", cuboid).hasSize(
                        Math.toIntExact(clean.segment().rowsPerCuboid().get(cuboid)))
                        .isEqualTo(E2e.scan(ctx.cubeStore(), b, cuboid));
                assertThat(rawRows(ctx.cubeStore(), a, cuboid)).as("stored bytes of cuboid %s", cuboid)
                        .isEqualTo(rawRows(ctx.cubeStore(), b, cuboid));
            }
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void discardOfAFailedBuildRemovesItsTableAndSegmentAndFreesTheRange() throws Exception {
        SsbGenerator.generate(new SsbOptions(0.01, tmp.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        String project = "e2e_discard";
        LocalDate from = LocalDate.of(1997, 1, 1);
        LocalDate to = LocalDate.of(1998, 1, 1);
        try (HaechiContext ctx = E2e.context(tmp.resolve("haechi"), Map.of())) {
            E2e.apply(ctx.catalog(), project, tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                    "ssb/cube-per-query.json");
            // Fail the load step at its last progress report: the segment's table is loaded by then (a failure inside
            // the cuboids step aborts its writer, which drops the table itself).
            AtomicBoolean thrown = new AtomicBoolean();
            JobListener failing = new JobListener() {
                @Override
                public void stepProgress(Job job, StepRecord step) {
                    if (step.name().equals("load") && thrown.compareAndSet(false, true)) {
                        throw new IllegalStateException("injected failure in the load step");
                    }
                }
            };
            BuildService builds = ctx.builds(failing);
            String jobId = builds.start(project, CUBE, from, to);
            assertThatThrownBy(() -> builds.run(jobId, failing)).hasMessageContaining("injected failure");
            Job failed = ctx.jobs().get(jobId).orElseThrow();
            assertThat(failed.state()).isEqualTo(JobState.FAILED);
            assertThat(failed.step("cuboids").state()).isEqualTo(JobState.DONE);
            assertThat(failed.step("load").state()).isEqualTo(JobState.FAILED);
            String storageId = failed.params().get("storageId");
            Versioned<SegmentDesc> segment = ctx.catalog().segment(project, CUBE, failed.params().get("segment"))
                    .orElseThrow();
            assertThat(segment.value().status()).isEqualTo(SegmentStatus.BUILDING);
            assertThat(ctx.catalog().readySegments(project, CUBE, from, to)).isEmpty();
            assertThat(ctx.cubeStore().segmentExists(storageId)).as("table of the failed build").isTrue();
            Path workDir = ctx.jobsDir();
            assertThat(workDir).exists();

            Job discarded = builds.discard(jobId);
            assertThat(discarded.state()).isEqualTo(JobState.DISCARDED);
            assertThat(ctx.jobs().get(jobId).orElseThrow().state()).isEqualTo(JobState.DISCARDED);
            assertThat(ctx.cubeStore().segmentExists(storageId)).isFalse();
            assertThat(ctx.catalog().segment(project, CUBE, failed.params().get("segment"))).isEmpty();
            assertThat(ctx.catalog().segments(project, Optional.of(CUBE))).isEmpty();
            try (var left = Files.list(workDir)) {
                assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(jobId));
            }

            // The range is free again: a new build of it succeeds.
            BuildService ok = ctx.builds(new JobListener() {
            });
            BuildOutcome rebuilt = ok.run(ok.start(project, CUBE, from, to), new JobListener() {
            });
            assertThat(rebuilt.segment().status()).isEqualTo(SegmentStatus.READY);
            assertThat(rebuilt.segment().storageId()).isNotEqualTo(storageId);
        }
    }

    /** Runs {@code haechi build} in a child JVM and SIGKILLs it once its cuboids step is RUNNING. */
    private Job buildInChildAndKillMidCuboids(HaechiContext ctx, Path childData) throws Exception {
        File log = tmp.resolve("child.log").toFile();
        Process child = childCli(log, "build", "-p", "e2e_kill", "-c", CUBE, "--from", FROM.toString(), "--to",
                TO.toString(), "--data-dir", childData.toString());
        try {
            while (true) {
                Optional<Job> job = ctx.jobs().list("e2e_kill").stream().findFirst();
                if (job.isPresent() && job.get().step("cuboids").state() == JobState.RUNNING) {
                    break;
                }
                if (!child.isAlive()) {
                    throw new AssertionError("the child build ended (exit " + child.exitValue()
                            + ") before its cuboids step ran:\n" + Files.readString(log.toPath()));
                }
                Thread.sleep(100);
            }
            assertThat(child.pid()).isEqualTo(ctx.jobs().list("e2e_kill").get(0).runnerPid().orElseThrow());
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(child.isAlive()).isFalse();
        assertThat(child.exitValue()).as("exit code of a SIGKILLed JVM").isEqualTo(128 + 9);
        return ctx.jobs().list("e2e_kill").get(0);
    }

    /** Starts {@code haechi ARGS} in a child JVM over the in-process HBase, output to {@code log}. */
    private static Process childCli(File log, String... args) throws Exception {
        String zkPort = InProcessHBase.shared().configuration().get("hbase.zookeeper.property.clientPort");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JDK_FLAGS);
        command.addAll(List.of("-Xmx512m", "-cp", System.getProperty("java.class.path"),
                "-Dhbase.zookeeper.quorum=127.0.0.1", "-Dhbase.zookeeper.property.clientPort=" + zkPort,
                "io.haechi.server.cli.HaechiCli"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
    }

    /** The scan's rows as bytes (key with shard zeroed, measure cell), sorted. */
    private static TreeSet<String> rawRows(CubeStore store, E2e.Segment segment, long cuboid) {
        CuboidScanRequest request = new CuboidScanRequest(segment.desc().storageId(), cuboid, List.of(), Map.of(),
                cuboid, IntStream.range(0, segment.cube().measures().size()).boxed().toList(), segment.layout());
        TreeSet<String> out = new TreeSet<>();
        HexFormat hex = HexFormat.of();
        try (CubeStore.ScanResult rows = store.scan(request)) {
            while (rows.hasNext()) {
                AggregateRow row = rows.next();
                out.add(hex.formatHex(row.key()) + ":" + hex.formatHex(row.measureCell()));
            }
        }
        return out;
    }
}
