package io.haechi.builder.job;

/** Where a job or one of its steps stands. */
public enum JobState {
    /** Not started yet. */
    PENDING,
    /** Running now (or the process running it died: see {@link Job#runnerPid()}). */
    RUNNING,
    /** Finished; a finished step is never run again when the job resumes. */
    DONE,
    /** Failed; the job can be resumed from this step or discarded. */
    FAILED,
    /** Stopped by a user; can be resumed or discarded. */
    CANCELLED,
    /** Cleaned up: its partial output removed; final. */
    DISCARDED;

    public boolean isFinal() {
        return this == DONE || this == DISCARDED;
    }
}
