package io.haechi.builder.job;

/** Hears a job's transitions, e.g. to draw a progress bar. All methods default to doing nothing. */
public interface JobListener {
    JobListener NONE = new JobListener() {
    };

    default void jobStarted(Job job) {
    }

    default void stepSkipped(Job job, StepRecord step) {
    }

    default void stepStarted(Job job, StepRecord step) {
    }

    default void stepProgress(Job job, StepRecord step) {
    }

    default void stepEnded(Job job, StepRecord step) {
    }

    default void jobEnded(Job job) {
    }
}
