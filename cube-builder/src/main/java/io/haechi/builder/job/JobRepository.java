package io.haechi.builder.job;

import java.util.List;
import java.util.Optional;

/**
 * Where jobs are persisted. Updates are optimistic: {@link #update} fails with
 * {@code HaechiException(METADATA_CONFLICT)} when the stored job changed since {@code expected} was read, so two
 * runners can never both own a job.
 */
public interface JobRepository {
    void create(Job job);

    Optional<Job> get(String id);

    /** All jobs of a project, newest first. */
    List<Job> list(String project);

    /** Replaces {@code expected} with {@code updated}; fails if the stored job is no longer {@code expected}. */
    void update(Job expected, Job updated);
}
