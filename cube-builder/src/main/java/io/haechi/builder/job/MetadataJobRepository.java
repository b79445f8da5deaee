package io.haechi.builder.job;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Jobs kept as documents of kind {@code job} in the metadata store. Job ids carry their project
 * ({@code PROJECT.rest}), so a job can be found from its id alone.
 */
public final class MetadataJobRepository implements JobRepository {
    static final String KIND = "job";

    private final MetadataStore store;

    public MetadataJobRepository(MetadataStore store) {
        this.store = requireNonNull(store, "store is null");
    }

    /** The project a job id belongs to (the part before the first '.'). */
    public static String projectOf(String jobId) {
        int dot = jobId.indexOf('.');
        if (dot <= 0) {
            throw new HaechiException(ErrorCode.JOB_NOT_FOUND, "'" + jobId + "' is not a job id (PROJECT.NAME)");
        }
        return jobId.substring(0, dot);
    }

    @Override
    public void create(Job job) {
        store.create(key(job.id()), JobJson.write(job));
    }

    @Override
    public Optional<Job> get(String id) {
        return store.get(key(id)).map(d -> JobJson.read(d.json(), d.key().describe()));
    }

    @Override
    public List<Job> list(String project) {
        return store.list(KIND, project).stream().map(d -> JobJson.read(d.json(), d.key().describe()))
                .sorted(Comparator.comparing(Job::createdAt).reversed().thenComparing(Job::id)).toList();
    }

    @Override
    public void update(Job expected, Job updated) {
        MetadataKey key = key(expected.id());
        MetadataDocument stored = store.get(key).orElseThrow(() -> new HaechiException(ErrorCode.JOB_NOT_FOUND,
                "job " + expected.id() + " is gone"));
        Job current = JobJson.read(stored.json(), key.describe());
        if (!current.equals(expected)) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, "job " + expected.id()
                    + " was changed by another process (now " + current.state() + ")");
        }
        store.update(key, JobJson.write(updated), stored.version());
    }

    private static MetadataKey key(String id) {
        return new MetadataKey(KIND, projectOf(id), id);
    }
}
