package io.haechi.builder.job;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** A job repository in memory with the same conflict semantics as the persistent one; for tests. */
public final class InMemoryJobRepository implements JobRepository {
    private final ConcurrentMap<String, Job> jobs = new ConcurrentHashMap<>();

    @Override
    public void create(Job job) {
        if (jobs.putIfAbsent(job.id(), job) != null) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "job " + job.id() + " exists");
        }
    }

    @Override
    public Optional<Job> get(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    @Override
    public List<Job> list(String project) {
        return jobs.values().stream().filter(j -> j.project().equals(project))
                .sorted(Comparator.comparing(Job::createdAt).reversed()).toList();
    }

    @Override
    public void update(Job expected, Job updated) {
        if (!jobs.replace(expected.id(), expected, updated)) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "job " + expected.id() + " changed");
        }
    }
}
