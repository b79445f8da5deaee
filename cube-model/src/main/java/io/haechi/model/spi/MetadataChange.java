package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

/** One change inside an atomic {@link MetadataStore#commit}. */
public sealed interface MetadataChange {
    MetadataKey key();

    /** Creates a document that must not exist yet; it gets version 1. */
    record Create(MetadataKey key, String json) implements MetadataChange {
        public Create {
            requireNonNull(key, "key is null");
            requireNonNull(json, "json is null");
        }
    }

    /** Replaces a document whose stored version must still be {@code expectedVersion}. */
    record Update(MetadataKey key, String json, long expectedVersion) implements MetadataChange {
        public Update {
            requireNonNull(key, "key is null");
            requireNonNull(json, "json is null");
            if (expectedVersion < 1) {
                throw new IllegalArgumentException("expectedVersion must be at least 1, got " + expectedVersion);
            }
        }
    }

    /** Deletes a document whose stored version must still be {@code expectedVersion}. */
    record Delete(MetadataKey key, long expectedVersion) implements MetadataChange {
        public Delete {
            requireNonNull(key, "key is null");
            if (expectedVersion < 1) {
                throw new IllegalArgumentException("expectedVersion must be at least 1, got " + expectedVersion);
            }
        }
    }
}
