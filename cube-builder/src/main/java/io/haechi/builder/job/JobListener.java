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

    /** A listener that tells each of {@code listeners}, in order. */
    static JobListener all(JobListener... listeners) {
        JobListener[] copy = listeners.clone();
        return new JobListener() {
            @Override
            public void jobStarted(Job job) {
                for (JobListener l : copy) {
                    l.jobStarted(job);
                }
            }

            @Override
            public void stepSkipped(Job job, StepRecord step) {
                for (JobListener l : copy) {
                    l.stepSkipped(job, step);
                }
            }

            @Override
            public void stepStarted(Job job, StepRecord step) {
                for (JobListener l : copy) {
                    l.stepStarted(job, step);
                }
            }

            @Override
            public void stepProgress(Job job, StepRecord step) {
                for (JobListener l : copy) {
                    l.stepProgress(job, step);
                }
            }

            @Override
            public void stepEnded(Job job, StepRecord step) {
                for (JobListener l : copy) {
                    l.stepEnded(job, step);
                }
            }

            @Override
            public void jobEnded(Job job) {
                for (JobListener l : copy) {
                    l.jobEnded(job);
                }
            }
        };
    }
}
