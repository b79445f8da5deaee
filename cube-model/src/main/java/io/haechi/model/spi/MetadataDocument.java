package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

/**
 * One stored metadata document: a JSON text with a version that the store increments on every change. Version 1 is
 * the first version; the store, not the caller, assigns versions.
 *
 * @param kind see {@link MetadataKey#kind()}
 * @param project see {@link MetadataKey#project()}
 * @param name see {@link MetadataKey#name()}
 * @param version the version, at least 1
 * @param json the document, as the model's JSON serialiser wrote it; the store does not interpret it
 */
public record MetadataDocument(String kind, String project, String name, long version, String json) {
    public MetadataDocument {
        new MetadataKey(kind, project, name);
        requireNonNull(json, "json is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }

    public MetadataDocument(MetadataKey key, long version, String json) {
        this(key.kind(), key.project(), key.name(), version, json);
    }

    public MetadataKey key() {
        return new MetadataKey(kind, project, name);
    }
}
