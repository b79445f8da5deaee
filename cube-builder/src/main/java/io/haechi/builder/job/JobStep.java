package io.haechi.builder.job;

/**
 * One step of a job. A step must be <b>idempotent</b>: running it again after a crash part-way must give the same
 * result as running it once (it overwrites or cleans its own partial output first).
 */
public interface JobStep {
    String name();

    void run(StepContext context) throws Exception;
}
