package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.ValidationIssue;
import java.util.List;

/**
 * What {@link CubeValidator} found: the issues, and the dimensions and measures it could resolve (complete only when
 * there are no issues).
 */
public record CubeValidation(List<ValidationIssue> issues, List<ResolvedDimension> dimensions,
        List<ResolvedMeasure> measures) {
    public CubeValidation {
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
    }

    public boolean isValid() {
        return issues.isEmpty();
    }
}
