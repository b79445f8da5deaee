package io.haechi.builder.service;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobRepository;
import io.haechi.builder.job.JobRunner;
import io.haechi.builder.job.JobStep;
import io.haechi.builder.job.StepContext;
import io.haechi.builder.segment.SegmentBuildConfig;
import io.haechi.builder.segment.SegmentBuildJob;
import io.haechi.builder.segment.SegmentBuildResult;
import io.haechi.builder.segment.SegmentBuildSpec;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.SourceReaders;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.Validator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Starts, resumes and discards segment builds. A build registers its segment as BUILDING (refusing an overlapping
 * range), persists a job whose steps are {@link SegmentBuildJob#STEP_NAMES}, and runs it; the last step flips the
 * segment to READY together with its dictionaries in one metadata commit. A build killed at any point resumes from
 * its last finished step ({@link #resume}) or is cleaned up ({@link #discard}); until the flip no query sees it.
 */
public final class BuildService {
    public static final String JOB_TYPE = "BUILD";

    private final Catalog catalog;
    private final JobRepository jobs;
    private final JobRunner runner;
    private final CubeStore store;
    private final SourceReaders readers;
    private final SegmentBuildConfig config;
    private final Validator validator = new Validator();

    public BuildService(Catalog catalog, JobRepository jobs, JobRunner runner, CubeStore store, SourceReaders readers,
            SegmentBuildConfig config) {
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.jobs = requireNonNull(jobs, "jobs is null");
        this.runner = requireNonNull(runner, "runner is null");
        this.store = requireNonNull(store, "store is null");
        this.readers = requireNonNull(readers, "readers is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Registers the segment and its job; returns the job id (run it with {@link #run}). */
    public String start(String project, String cubeName, LocalDate from, LocalDate to) {
        catalog.requireProject(project);
        CubeDesc cube = catalog.requireCube(project, cubeName).value();
        if (!from.isBefore(to)) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "--from " + from + " must be before --to " + to
                    + " (the range is [from, to))");
        }
        validated(project, cube);
        String segmentName = SegmentDesc.nameOf(from, to);
        String suffix = Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36), 36);
        String storageId = (project + "__" + cubeName + "__" + segmentName + "_" + suffix).toLowerCase(Locale.ROOT);
        String jobId = project + ".build-" + cubeName + "-" + segmentName + "-" + suffix;
        Versioned<SegmentDesc> segment = catalog.createSegment(project, new SegmentDesc(segmentName, cubeName, from,
                to, SegmentStatus.BUILDING, storageId, 0, jobId, Map.of(), 0, 0, Map.of()));
        Map<String, String> params = new HashMap<>();
        params.put("project", project);
        params.put("cube", cubeName);
        params.put("from", from.toString());
        params.put("to", to.toString());
        params.put("segment", segmentName);
        params.put("storageId", storageId);
        try {
            jobs.create(Job.create(jobId, JOB_TYPE, project, cubeName, params, SegmentBuildJob.STEP_NAMES,
                    Instant.now()));
        } catch (RuntimeException e) {
            // Without its job the BUILDING segment could never be resumed or discarded: take it back.
            catalog.deleteSegment(project, segment);
            throw e;
        }
        return jobId;
    }

    /** Runs (or resumes) a build job to the end: the segment is READY when this returns. */
    public BuildOutcome run(String jobId, JobListener listener) {
        Job job = jobs.get(jobId).orElseThrow(() -> new HaechiException(ErrorCode.JOB_NOT_FOUND,
                "there is no job '" + jobId + "'; 'haechi jobs' lists the jobs"));
        if (!JOB_TYPE.equals(job.type())) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + jobId + " is a " + job.type()
                    + " job, not a build");
        }
        String project = job.project();
        Versioned<SegmentDesc> segment = segmentOf(job);
        SegmentBuildJob build = buildJob(job, segment.value());
        List<JobStep> steps = new ArrayList<>(build.steps());
        JobStep commit = steps.get(steps.size() - 1);
        BuildOutcome[] outcome = new BuildOutcome[1];
        steps.set(steps.size() - 1, new JobStep() {
            @Override
            public String name() {
                return commit.name();
            }

            @Override
            public void run(StepContext context) throws Exception {
                commit.run(context);
                SegmentBuildResult result = build.result().orElseThrow();
                Versioned<SegmentDesc> current = segmentOf(job);
                SegmentDesc ready = current.value().ready(result.shardCount(), result.stats().rowsPerCuboid(),
                        result.report().factRows(), result.stats().bytesStored(), result.leftJoinMisses());
                Path file = context.workDir().resolve("dictionaries.commit");
                result.dictionaries().write(file);
                catalog.commitSegment(project, current, ready, Files.readAllBytes(file));
                outcome[0] = new BuildOutcome(job, ready, result.report());
            }
        });
        Job done = runner.run(jobId, steps);
        return new BuildOutcome(done, outcome[0].segment(), outcome[0].report());
    }

    /** Removes a failed, cancelled or orphaned build: its stored data, its BUILDING segment and its work files. */
    public Job discard(String jobId) {
        Job job = jobs.get(jobId).orElseThrow(() -> new HaechiException(ErrorCode.JOB_NOT_FOUND,
                "there is no job '" + jobId + "'; 'haechi jobs' lists the jobs"));
        Optional<Versioned<SegmentDesc>> segment = catalog.segment(job.project(), job.params().get("cube"),
                job.params().get("segment"));
        return runner.discard(jobId, () -> {
            store.dropSegment(job.params().get("storageId"));
            segment.filter(s -> s.value().status() == SegmentStatus.BUILDING
                    && s.value().jobId().equals(jobId)).ifPresent(s -> catalog.deleteSegment(job.project(), s));
        });
    }

    private Versioned<SegmentDesc> segmentOf(Job job) {
        return catalog.segment(job.project(), job.params().get("cube"), job.params().get("segment"))
                .filter(s -> s.value().jobId().equals(job.id()))
                .orElseThrow(() -> new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "the segment of job "
                        + job.id() + " is gone (its cube was changed with --drop-segments?); discard the job"));
    }

    private SegmentBuildJob buildJob(Job job, SegmentDesc segment) {
        String project = job.project();
        CubeDesc cube = catalog.requireCube(project, segment.cube()).value();
        ValidatedCube validated = validated(project, cube);
        Map<String, TableDesc> tables = new HashMap<>();
        for (Versioned<TableDesc> t : catalog.tables(project)) {
            tables.put(t.value().name(), t.value());
        }
        SegmentBuildSpec spec = new SegmentBuildSpec(validated, tables,
                new DateInterval(segment.from(), segment.to()), segment.storageId());
        return new SegmentBuildJob(spec, store, readers, config);
    }

    private ValidatedCube validated(String project, CubeDesc cube) {
        ModelDesc model = catalog.model(project, cube.model()).map(Versioned::value)
                .orElseThrow(() -> new HaechiException(ErrorCode.METADATA_NOT_FOUND, "cube '" + cube.name()
                        + "' uses the model '" + cube.model() + "', which project '" + project + "' lacks"));
        List<TableDesc> tables = catalog.tables(project).stream().map(Versioned::value).toList();
        return validator.cube(cube, model, tables);
    }
}
