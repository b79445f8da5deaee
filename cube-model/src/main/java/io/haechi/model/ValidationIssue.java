package io.haechi.model;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;

/**
 * One problem found in a descriptor.
 *
 * @param path the field path in the descriptor, e.g. {@code aggregationGroups[1].hierarchies[0]}; empty for the
 *     descriptor as a whole
 * @param message what is wrong and what was expected, in the user's words
 * @param code the error code a refusal carries
 */
public record ValidationIssue(String path, String message, ErrorCode code) {
    public ValidationIssue {
        requireNonNull(path, "path is null");
        requireNonNull(message, "message is null");
        requireNonNull(code, "code is null");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
