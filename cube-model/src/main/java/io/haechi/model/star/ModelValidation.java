package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Issues;
import io.haechi.model.ValidationIssue;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of validating a model: its issues, and the resolved schema when there are none.
 */
public record ModelValidation(List<ValidationIssue> issues, Optional<StarSchema> schema) {
    public ModelValidation {
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
        requireNonNull(schema, "schema is null");
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /** The schema, or a HaechiException listing every issue. */
    public StarSchema orThrow(String modelName) {
        Issues.throwIfAny(issues, "model '" + modelName + "'");
        return schema.orElseThrow();
    }
}
