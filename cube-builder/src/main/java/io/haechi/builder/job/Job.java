package io.haechi.builder.job;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * A persisted job: what to do ({@code type}, {@code project}, {@code target}, {@code params}) and how far it got
 * ({@code steps}). Immutable; every transition makes a new value that the {@link JobRepository} stores.
 *
 * @param id unique id, e.g. {@code build-ads-20260101-20260108-1a2b}
 * @param type the kind of job, e.g. {@code BUILD}
 * @param project the project it belongs to
 * @param target what it works on, e.g. the cube name
 * @param params the job's parameters (date range, segment name, ...)
 * @param state the job's overall state
 * @param steps the steps in execution order, names unique
 * @param createdAt when it was created
 * @param runnerPid the pid of the process running it while RUNNING, to tell a live runner from a dead one
 */
public record Job(
        String id, String type, String project, String target, Map<String, String> params, JobState state,
        List<StepRecord> steps, Instant createdAt, OptionalLong runnerPid) {
    public Job {
        requireNonNull(id, "id is null");
        requireNonNull(type, "type is null");
        requireNonNull(project, "project is null");
        requireNonNull(target, "target is null");
        params = Map.copyOf(requireNonNull(params, "params is null"));
        requireNonNull(state, "state is null");
        steps = List.copyOf(requireNonNull(steps, "steps is null"));
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(runnerPid, "runnerPid is null");
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("job " + id + " has no steps");
        }
        if (steps.stream().map(StepRecord::name).distinct().count() != steps.size()) {
            throw new IllegalArgumentException("job " + id + " has two steps with the same name");
        }
    }

    public static Job create(String id, String type, String project, String target, Map<String, String> params,
            List<String> stepNames, Instant now) {
        return new Job(id, type, project, target, params, JobState.PENDING,
                stepNames.stream().map(StepRecord::pending).toList(), now, OptionalLong.empty());
    }

    public StepRecord step(String name) {
        return steps.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("job " + id + " has no step " + name));
    }

    public Job withStep(StepRecord step) {
        List<StepRecord> copy = new ArrayList<>(steps);
        for (int i = 0; i < copy.size(); i++) {
            if (copy.get(i).name().equals(step.name())) {
                copy.set(i, step);
                return new Job(id, type, project, target, params, state, copy, createdAt, runnerPid);
            }
        }
        throw new IllegalArgumentException("job " + id + " has no step " + step.name());
    }

    public Job withState(JobState newState, OptionalLong pid) {
        return new Job(id, type, project, target, params, newState, steps, createdAt, pid);
    }

    /** Overall progress: finished steps count whole, the running one by its own fraction. */
    public double progress() {
        double sum = 0;
        for (StepRecord s : steps) {
            sum += s.state() == JobState.DONE ? 1 : s.progress();
        }
        return sum / steps.size();
    }

    /**
     * Whether the job claims to be running but its runner process is gone (killed with {@code kill -9}, machine
     * restarted): such a job is resumable.
     */
    public boolean isOrphaned() {
        if (state != JobState.RUNNING) {
            return false;
        }
        return runnerPid.isEmpty() || ProcessHandle.of(runnerPid.getAsLong()).map(p -> !p.isAlive()).orElse(true);
    }
}
