package io.haechi.builder.job;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The persisted state of one step of a job.
 *
 * @param name the step's name, unique in its job (e.g. {@code read-and-stats})
 * @param state where the step stands
 * @param startedAt when it last started, if it did
 * @param endedAt when it last ended, if it did
 * @param progress 0..1
 * @param message the last progress or failure message (empty if none)
 */
public record StepRecord(
        String name, JobState state, Optional<Instant> startedAt, Optional<Instant> endedAt, double progress,
        String message) {
    public StepRecord {
        requireNonNull(name, "name is null");
        requireNonNull(state, "state is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(message, "message is null");
        if (!(progress >= 0 && progress <= 1)) {
            throw new IllegalArgumentException("progress must be in [0, 1], got " + progress);
        }
    }

    public static StepRecord pending(String name) {
        return new StepRecord(name, JobState.PENDING, Optional.empty(), Optional.empty(), 0, "");
    }

    public StepRecord started(Instant now) {
        return new StepRecord(name, JobState.RUNNING, Optional.of(now), Optional.empty(), 0, "");
    }

    public StepRecord progressed(double fraction, String note) {
        return new StepRecord(name, state, startedAt, endedAt, Math.max(0, Math.min(1, fraction)), note);
    }

    public StepRecord ended(JobState endState, Instant now, String note) {
        return new StepRecord(name, endState, startedAt, Optional.of(now), endState == JobState.DONE ? 1 : progress,
                note);
    }

    /** Wall time of the last run of this step, if it ran to an end. */
    public Optional<java.time.Duration> duration() {
        return startedAt.flatMap(s -> endedAt.map(e -> java.time.Duration.between(s, e)));
    }
}
