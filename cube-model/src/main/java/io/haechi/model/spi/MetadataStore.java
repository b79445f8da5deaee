package io.haechi.model.spi;

import java.util.List;
import java.util.Optional;

/**
 * Versioned JSON documents (projects, tables, models, cubes, segments, jobs) with optimistic concurrency. A writer
 * reads a document, changes it and writes it back naming the version it read; if someone else wrote in between, the
 * write fails with {@link io.haechi.model.error.ErrorCode#METADATA_CONFLICT} and changes nothing, and the writer
 * re-reads and decides again.
 *
 * <p>The unit of atomicity is the project: {@link #commit} applies several changes to documents of one project all
 * or nothing (the builder flips a segment to READY and updates its job in one commit).
 *
 * <p>Errors: {@code METADATA_CONFLICT} for a stale version or a create of an existing document,
 * {@code METADATA_NOT_FOUND} for an update or delete of a missing document, {@code STORE_UNAVAILABLE} when the
 * backing store fails, {@code INVALID_ARGUMENT} for a malformed commit. Implementations are thread-safe.
 */
public interface MetadataStore {
    /** The document, or empty if it does not exist. */
    Optional<MetadataDocument> get(MetadataKey key);

    /** The documents of one kind in one project, sorted by name. */
    List<MetadataDocument> list(String kind, String project);

    /** The names of all projects that hold at least one document, sorted. */
    List<String> projects();

    /**
     * Applies all changes atomically: either every change is applied or none is. All changes must name the same
     * project and each key at most once.
     *
     * @return the written documents of the creates and updates, in the order of {@code changes}
     */
    List<MetadataDocument> commit(List<MetadataChange> changes);

    /** Creates a document that must not exist yet; returns it with version 1. */
    default MetadataDocument create(MetadataKey key, String json) {
        return commit(List.of(new MetadataChange.Create(key, json))).get(0);
    }

    /** Replaces a document if its stored version is still {@code expectedVersion}; returns it with the next version. */
    default MetadataDocument update(MetadataKey key, String json, long expectedVersion) {
        return commit(List.of(new MetadataChange.Update(key, json, expectedVersion))).get(0);
    }

    /** Deletes a document if its stored version is still {@code expectedVersion}. */
    default void delete(MetadataKey key, long expectedVersion) {
        commit(List.of(new MetadataChange.Delete(key, expectedVersion)));
    }
}
