package io.haechi.model.cube;

import io.haechi.model.Issues;
import io.haechi.model.error.ErrorCode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Checks one aggregation group's rules: every listed dimension is a stored dimension in the group's includes, and
 * each has at most one role (mandatory, one hierarchy, or one joint).
 */
final class GroupValidator {
    /** Reports and returns false when {@code name} at {@code path} is not a stored dimension. */
    interface DimensionCheck {
        boolean check(String path, String name);
    }

    private final Issues issues;
    private final DimensionCheck stored;

    GroupValidator(Issues issues, DimensionCheck stored) {
        this.issues = issues;
        this.stored = stored;
    }

    void validate(int g, AggregationGroupDesc group) {
        String path = "aggregationGroups[" + g + "]";
        if (group.includes().isEmpty()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".includes", "a group includes at least one dimension");
            return;
        }
        Set<String> includes = dimensionList(path + ".includes", group.includes());
        if (group.dimCap() < 0) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".dimCap", "dimCap must be 0 (no cap) or positive, got "
                    + group.dimCap());
        }
        Map<String, String> roles = new HashMap<>();
        for (int i = 0; i < group.mandatory().size(); i++) {
            member(path + ".mandatory[" + i + "]", group.mandatory().get(i), includes, roles, "mandatory");
        }
        for (int h = 0; h < group.hierarchies().size(); h++) {
            rule(path + ".hierarchies[" + h + "]", "hierarchy", group.hierarchies().get(h), includes, roles);
        }
        for (int j = 0; j < group.joints().size(); j++) {
            rule(path + ".joints[" + j + "]", "joint", group.joints().get(j), includes, roles);
        }
    }

    private void rule(String path, String kind, List<String> dims, Set<String> includes, Map<String, String> roles) {
        if (dims.size() < 2) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path, "a " + kind + " needs at least 2 dimensions, got "
                    + dims);
        }
        String where = path.substring(path.lastIndexOf('.') + 1);
        for (String d : dims) {
            member(path, d, includes, roles, where);
        }
    }

    private void member(String path, String dim, Set<String> includes, Map<String, String> roles, String role) {
        String k = dim.toLowerCase(Locale.ROOT);
        if (!includes.contains(k)) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path, "dimension '" + dim + "' is not in the group's includes");
            return;
        }
        String before = roles.putIfAbsent(k, role);
        if (before == null) {
            return;
        }
        String message;
        if (before.equals(role)) {
            message = "dimension '" + dim + "' is listed twice";
        } else if (before.equals("mandatory")) {
            message = "dimension '" + dim + "' is mandatory, so it cannot also be in a " + kindOf(role);
        } else if (before.startsWith("joints") && role.startsWith("joints")) {
            message = "overlapping joint sets: dimension '" + dim + "' is already in " + before;
        } else {
            message = "dimension '" + dim + "' is already in " + before + "; a dimension belongs to one hierarchy or"
                    + " joint at most";
        }
        issues.add(ErrorCode.INVALID_DESCRIPTOR, path, message);
    }

    private static String kindOf(String role) {
        return role.startsWith("joints") ? "joint" : "hierarchy";
    }

    /** Checks a list of stored dimension names without repeats; returns the valid ones, lower-cased. */
    Set<String> dimensionList(String path, List<String> names) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (!stored.check(path + "[" + i + "]", name)) {
                continue;
            }
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, path + "[" + i + "]", "dimension '" + name
                        + "' is listed twice");
            }
        }
        return seen;
    }
}
