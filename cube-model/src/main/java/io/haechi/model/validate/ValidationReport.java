package io.haechi.model.validate;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Issues;
import io.haechi.model.ValidationIssue;
import io.haechi.model.lattice.GroupCount;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * What validation found.
 *
 * @param subject what was checked, e.g. {@code cube 'ssb_kylin'}
 * @param issues every problem, with its field path; a group over the cuboid cap is one (CUBOID_CAP_EXCEEDED)
 * @param groups the cuboid count per aggregation group (counted even when huge); empty for models
 * @param totalCuboids the distinct cuboids to build (groups' union, base and mandatory cuboids); present only for a
 *     valid cube
 */
public record ValidationReport(String subject, List<ValidationIssue> issues, List<GroupCount> groups,
        OptionalLong totalCuboids) {
    public ValidationReport {
        requireNonNull(subject, "subject is null");
        issues = List.copyOf(requireNonNull(issues, "issues is null"));
        groups = List.copyOf(requireNonNull(groups, "groups is null"));
        requireNonNull(totalCuboids, "totalCuboids is null");
    }

    public boolean isValid() {
        return issues.isEmpty();
    }

    /** Throws a HaechiException listing every issue (with the first issue's code) unless valid. */
    public void throwIfInvalid() {
        Issues.throwIfAny(issues, subject);
    }

    /** A multi-line summary for the CLI and logs. */
    public String summary() {
        StringBuilder sb = new StringBuilder(subject).append(isValid() ? ": valid" : ": " + issues.size()
                + (issues.size() == 1 ? " problem" : " problems"));
        for (GroupCount g : groups) {
            sb.append(String.format(Locale.ROOT, "\n  aggregation group %d: %,d cuboids (%s)%s", g.group(),
                    g.cuboids(), g.shape(), g.overCap() ? " OVER THE CAP" : ""));
        }
        totalCuboids.ifPresent(t -> sb.append(String.format(Locale.ROOT,
                "\n  total: %,d distinct cuboids with the base", t)));
        for (ValidationIssue issue : issues) {
            sb.append("\n  - ").append(issue);
        }
        return sb.toString();
    }
}
