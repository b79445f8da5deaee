package io.haechi.builder.job;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CancellationException;
import java.util.stream.Stream;

/**
 * Runs a job's steps in order, persisting every transition, and resumes a job from its first unfinished step.
 * Ownership of a job is taken with an optimistic update, so two processes cannot run one job; a job whose runner
 * died ({@link Job#isOrphaned()}) can be taken over.
 */
public final class JobRunner {
    private static final long PERSIST_INTERVAL_MILLIS = 1000;

    private final JobRepository repository;
    private final Path jobsRoot;
    private final Clock clock;
    private final JobListener listener;

    public JobRunner(JobRepository repository, Path jobsRoot, Clock clock, JobListener listener) {
        this.repository = requireNonNull(repository, "repository is null");
        this.jobsRoot = requireNonNull(jobsRoot, "jobsRoot is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    /** The private work directory of a job. */
    public Path workDir(String jobId) {
        return jobsRoot.resolve(jobId);
    }

    /**
     * Runs (or resumes) the job with these step implementations, whose names must be the job's step names in order.
     * Returns the finished job; a failing step marks the job FAILED and its exception is rethrown.
     */
    public Job run(String jobId, List<JobStep> implementations) {
        Job job = load(jobId);
        List<String> expected = job.steps().stream().map(StepRecord::name).toList();
        List<String> given = implementations.stream().map(JobStep::name).toList();
        if (!expected.equals(given)) {
            throw new HaechiException(ErrorCode.INTERNAL_ERROR,
                    "job " + jobId + " has steps " + expected + " but was given " + given);
        }
        checkRunnable(job);
        Job current = store(job, job.withState(JobState.RUNNING, OptionalLong.of(ProcessHandle.current().pid())));
        Path workDir = workDir(jobId);
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the job directory " + workDir, e);
        }
        listener.jobStarted(current);
        for (JobStep step : implementations) {
            StepRecord record = current.step(step.name());
            if (record.state() == JobState.DONE) {
                listener.stepSkipped(current, record);
                continue;
            }
            current = store(current, current.withStep(record.started(clock.instant())));
            listener.stepStarted(current, current.step(step.name()));
            RunningStep context = new RunningStep(current, step.name(), workDir);
            try {
                step.run(context);
            } catch (CancellationException e) {
                current = finish(context.latest(), step.name(), JobState.CANCELLED, "cancelled");
                listener.jobEnded(current);
                throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + jobId + " was cancelled in step "
                        + step.name() + "; resume it with 'haechi jobs resume " + jobId + "' or discard it");
            } catch (Exception | Error e) {
                String message = e instanceof HaechiException he ? he.getMessage() : String.valueOf(e);
                current = finish(context.latest(), step.name(), JobState.FAILED, message);
                listener.jobEnded(current);
                if (e instanceof RuntimeException re) {
                    throw re;
                }
                if (e instanceof Error err) {
                    throw err;
                }
                throw new HaechiException(ErrorCode.BUILD_FAILED,
                        "job " + jobId + " failed in step " + step.name() + ": " + message, e);
            }
            // Progress between persists lives only in the context: the stored job is the update's expectation.
            Job latest = context.latest();
            StepRecord done = latest.step(step.name()).ended(JobState.DONE, clock.instant(), "");
            current = store(context.persisted(), latest.withStep(done));
            listener.stepEnded(current, done);
        }
        current = store(current, current.withState(JobState.DONE, OptionalLong.empty()));
        deleteRecursively(workDir);
        listener.jobEnded(current);
        return current;
    }

    /**
     * Asks a job to stop. A running job stops at its next progress report or cancellation check; a job that is not
     * running is marked CANCELLED at once.
     */
    public Job cancel(String jobId) {
        Job job = load(jobId);
        if (job.state().isFinal()) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT,
                    "job " + jobId + " is " + job.state() + " and cannot be cancelled");
        }
        return store(job, job.withState(JobState.CANCELLED, job.runnerPid()));
    }

    /**
     * Discards a job that is not running: {@code cleanup} removes what its steps left outside the work directory
     * (staging files, a half-loaded table), then the work directory goes and the job is marked DISCARDED.
     */
    public Job discard(String jobId, Runnable cleanup) {
        Job job = load(jobId);
        if (job.state() == JobState.DONE || job.state() == JobState.DISCARDED) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT,
                    "job " + jobId + " is " + job.state() + " and cannot be discarded");
        }
        if (job.state() == JobState.RUNNING && !job.isOrphaned()) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + jobId + " is running in process "
                    + job.runnerPid().orElse(-1) + "; cancel it first with 'haechi jobs cancel " + jobId + "'");
        }
        cleanup.run();
        deleteRecursively(workDir(jobId));
        return store(job, job.withState(JobState.DISCARDED, OptionalLong.empty()));
    }

    private void checkRunnable(Job job) {
        switch (job.state()) {
            case DONE, DISCARDED -> throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT,
                    "job " + job.id() + " is " + job.state() + "; there is nothing to resume");
            case RUNNING -> {
                if (!job.isOrphaned()) {
                    throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + job.id()
                            + " is already running in process " + job.runnerPid().orElse(-1));
                }
            }
            default -> {
                // PENDING, FAILED, CANCELLED: runnable (resume)
            }
        }
    }

    private Job finish(Job current, String stepName, JobState state, String message) {
        Job latest = repository.get(current.id()).orElse(current);
        Job ended = latest.withStep(latest.step(stepName).ended(state, clock.instant(), message))
                .withState(state, OptionalLong.empty());
        return store(latest, ended);
    }

    private Job load(String jobId) {
        return repository.get(jobId).orElseThrow(() -> new HaechiException(ErrorCode.JOB_NOT_FOUND,
                "there is no job '" + jobId + "'; 'haechi jobs' lists the jobs"));
    }

    private Job store(Job expected, Job updated) {
        repository.update(expected, updated);
        return updated;
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** The context of the step being run: persists progress at most once a second and notices cancellation. */
    private final class RunningStep implements StepContext {
        private final String stepName;
        private final Path workDir;
        private Job latest;
        private Job persisted;
        private long lastPersist;

        RunningStep(Job job, String stepName, Path workDir) {
            this.latest = job;
            this.persisted = job;
            this.stepName = stepName;
            this.workDir = workDir;
        }

        synchronized Job latest() {
            return latest;
        }

        /** The job as last stored in the repository. */
        synchronized Job persisted() {
            return persisted;
        }

        @Override
        public synchronized Job job() {
            return latest;
        }

        @Override
        public Path workDir() {
            return workDir;
        }

        @Override
        public synchronized void progress(double fraction, String note) {
            Job next = latest.withStep(latest.step(stepName).progressed(fraction, note));
            listener.stepProgress(next, next.step(stepName));
            long now = clock.millis();
            if (now - lastPersist >= PERSIST_INTERVAL_MILLIS) {
                lastPersist = now;
                persistOrNoticeCancel(next);
            } else {
                latest = next;
            }
        }

        @Override
        public synchronized void checkCancelled() {
            long now = clock.millis();
            if (now - lastPersist >= PERSIST_INTERVAL_MILLIS) {
                lastPersist = now;
                Job stored = repository.get(latest.id()).orElse(latest);
                if (stored.state() == JobState.CANCELLED) {
                    latest = stored;
                    persisted = stored;
                    throw new CancellationException("job " + stored.id() + " was cancelled");
                }
            }
        }

        private void persistOrNoticeCancel(Job next) {
            try {
                repository.update(persisted, next);
                latest = next;
                persisted = next;
            } catch (HaechiException e) {
                if (e.errorCode() != ErrorCode.METADATA_CONFLICT) {
                    throw e;
                }
                Job stored = repository.get(latest.id()).orElse(latest);
                latest = stored;
                persisted = stored;
                if (stored.state() == JobState.CANCELLED) {
                    throw new CancellationException("job " + stored.id() + " was cancelled");
                }
                throw e;
            }
        }
    }
}
