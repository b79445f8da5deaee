package io.haechi.model.catalog;

import static java.util.Objects.requireNonNull;

/** A catalog value with the metadata version it was read at, for optimistic updates. */
public record Versioned<T>(T value, long version) {
    public Versioned {
        requireNonNull(value, "value is null");
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1, got " + version);
        }
    }
}
