package io.haechi.model.spi;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The commit rules every {@link MetadataStore} shares: argument checks, version checks against what is stored and
 * the resulting documents, with the same messages everywhere.
 */
public final class MetadataCommits {
    private MetadataCommits() {
    }

    /** Checks that {@code changes} is non-empty, names one project and each key once; returns that project. */
    public static String checkCommit(List<MetadataChange> changes) {
        if (changes == null || changes.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "a metadata commit needs at least one change");
        }
        String project = changes.get(0).key().project();
        Set<MetadataKey> seen = new HashSet<>();
        for (MetadataChange change : changes) {
            if (change == null) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "a metadata commit holds a null change");
            }
            if (!change.key().project().equals(project)) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "a metadata commit must stay in one project: "
                        + change.key().describe() + " is not in project '" + project + "'");
            }
            if (!seen.add(change.key())) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                        "a metadata commit changes " + change.key().describe() + " twice");
            }
        }
        return project;
    }

    /**
     * Checks every change against the stored versions ({@code stored} maps each changed key to its current version,
     * absent if the document does not exist) and returns the documents to write, in order; deletes yield none.
     */
    public static List<MetadataDocument> apply(List<MetadataChange> changes, Map<MetadataKey, Long> stored) {
        List<MetadataDocument> written = new ArrayList<>();
        for (MetadataChange change : changes) {
            Optional<Long> found = Optional.ofNullable(stored.get(change.key()));
            if (change instanceof MetadataChange.Create c) {
                if (found.isPresent()) {
                    throw new HaechiException(ErrorCode.METADATA_CONFLICT,
                            c.key().describe() + " already exists (version " + found.get() + ")");
                }
                written.add(new MetadataDocument(c.key(), 1, c.json()));
            } else if (change instanceof MetadataChange.Update u) {
                checkVersion(u.key(), u.expectedVersion(), found);
                written.add(new MetadataDocument(u.key(), u.expectedVersion() + 1, u.json()));
            } else if (change instanceof MetadataChange.Delete d) {
                checkVersion(d.key(), d.expectedVersion(), found);
            }
        }
        return written;
    }

    private static void checkVersion(MetadataKey key, long expected, Optional<Long> found) {
        if (found.isEmpty()) {
            throw new HaechiException(ErrorCode.METADATA_NOT_FOUND,
                    key.describe() + " does not exist (expected version " + expected + "); it may have been deleted");
        }
        if (found.get() != expected) {
            throw new HaechiException(ErrorCode.METADATA_CONFLICT, key.describe()
                    + " was changed by someone else: expected version " + expected + ", found " + found.get());
        }
    }
}
