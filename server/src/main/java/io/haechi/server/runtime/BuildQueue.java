package io.haechi.server.runtime;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobLog;
import io.haechi.builder.job.JobState;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs builds inside the server, {@code haechi.build.concurrency} at a time (default 1), the others queued. A build
 * is the same persisted, resumable job the CLI runs: if the server dies, the job stays RUNNING with a dead runner
 * (orphaned) or PENDING, and a resume continues it from its last finished step. Closing the queue asks the running
 * builds to stop (they end CANCELLED, resumable) and waits for them.
 */
public final class BuildQueue implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BuildQueue.class);

    private final HaechiContext context;
    private final JobListener listener;
    private final ExecutorService executor;
    /** Jobs handed to the executor and not finished, by id. */
    private final Map<String, FutureTask<Void>> submitted = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Set<String> cancelRequested = ConcurrentHashMap.newKeySet();

    public BuildQueue(HaechiContext context) {
        this(context, JobListener.NONE);
    }

    /** A queue whose builds also report to {@code listener} (progress displays, tests). */
    public BuildQueue(HaechiContext context, JobListener listener) {
        this.context = requireNonNull(context, "context is null");
        this.listener = requireNonNull(listener, "listener is null");
        int threads = context.settings().buildConcurrency();
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "haechi-build-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newFixedThreadPool(threads, factory);
    }

    /** Registers the segment and job of a build of {@code [from, to)} and queues it; returns the job. */
    public Job start(String project, String cube, LocalDate from, LocalDate to) {
        String id = context.builds(JobListener.NONE).start(project, cube, from, to);
        submit(id);
        return load(id);
    }

    /** Queues a failed, cancelled, pending or orphaned job to run again from its first unfinished step. */
    public Job resume(String id) {
        Job job = load(id);
        if (submitted.containsKey(id)) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + id + " is already "
                    + (running.contains(id) ? "running" : "queued") + " in this server");
        }
        if (job.state() == JobState.DONE || job.state() == JobState.DISCARDED) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + id + " is " + job.state()
                    + "; there is nothing to resume");
        }
        if (job.state() == JobState.RUNNING && !job.isOrphaned()) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + id + " is running in process "
                    + job.runnerPid().orElse(-1));
        }
        cancelRequested.remove(id);
        submit(id);
        return load(id);
    }

    /**
     * Asks a job to stop: a queued one is taken off the queue, a running one stops at its step's next check (within
     * seconds); either ends CANCELLED and can be resumed or discarded.
     */
    public Job cancel(String id) {
        load(id);
        cancelRequested.add(id);
        FutureTask<Void> task = submitted.get(id);
        if (task != null && !running.contains(id) && task.cancel(false)) {
            submitted.remove(id);
        }
        return context.jobRunner(JobListener.NONE).cancel(id);
    }

    /** Cleans up a job that will not be resumed; refused while it is queued or running here. */
    public Job discard(String id) {
        load(id);
        if (submitted.containsKey(id)) {
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "job " + id + " is "
                    + (running.contains(id) ? "running" : "queued") + " in this server; cancel it first");
        }
        return context.builds(JobListener.NONE).discard(id);
    }

    /** Whether the job waits in this server's queue. */
    public boolean isQueued(String id) {
        return submitted.containsKey(id) && !running.contains(id);
    }

    /** Whether the job is queued or running in this server. */
    public boolean isHere(String id) {
        return submitted.containsKey(id);
    }

    private Job load(String id) {
        return context.jobs().get(id).orElseThrow(() -> new HaechiException(ErrorCode.JOB_NOT_FOUND,
                "there is no job '" + id + "'"));
    }

    private void submit(String id) {
        FutureTask<Void> task = new FutureTask<>(() -> run(id), null);
        submitted.put(id, task);
        try {
            executor.execute(task);
        } catch (RuntimeException e) {
            submitted.remove(id);
            throw new HaechiException(ErrorCode.JOB_STATE_CONFLICT, "the server is stopping and takes no more "
                    + "builds; job " + id + " stays resumable", e);
        }
    }

    private void run(String id) {
        running.add(id);
        String project = context.jobs().get(id).map(Job::project).orElse(null);
        try {
            if (cancelRequested.remove(id)) {
                return;
            }
            BuildOutcome outcome = context.builds(listener).run(id, listener);
            context.jobLog().append(id, "", JobLog.Level.INFO, outcome.report().toText());
        } catch (HaechiException e) {
            // The runner marked the job FAILED or CANCELLED and its log has the message.
            if (e.errorCode() == ErrorCode.JOB_STATE_CONFLICT) {
                LOG.info("build job {}: {}", id, e.getMessage());
            } else {
                LOG.warn("build job {} failed: {}", id, e.getMessage(), e);
            }
        } catch (RuntimeException | Error e) {
            LOG.warn("build job {} failed", id, e);
        } finally {
            running.remove(id);
            submitted.remove(id);
            if (project != null) {
                context.engine().refresh(project);
            }
        }
    }

    /** Stops taking builds, takes queued ones off, asks running ones to stop and waits up to a minute for them. */
    @Override
    public void close() {
        executor.shutdown();
        for (Map.Entry<String, FutureTask<Void>> e : submitted.entrySet()) {
            if (!running.contains(e.getKey())) {
                e.getValue().cancel(false);
            } else {
                try {
                    context.jobRunner(JobListener.NONE).cancel(e.getKey());
                } catch (RuntimeException failure) {
                    LOG.warn("cannot cancel job {} while stopping: {}", e.getKey(), failure.getMessage());
                }
            }
        }
        try {
            if (!executor.awaitTermination(60, TimeUnit.SECONDS)) {
                LOG.warn("builds still running after a minute; they stay resumable");
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }
}
