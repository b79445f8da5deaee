package io.haechi.model.catalog;

import static java.util.Objects.requireNonNull;

import io.haechi.model.json.Descriptor;
import java.util.List;

/**
 * What {@code haechi apply -f FILE} would change in a project, computed before anything is written.
 *
 * @param project the project
 * @param changes one entry per document in the files, in file order
 */
public record ApplyPlan(String project, List<Change> changes) {
    public ApplyPlan {
        requireNonNull(project, "project is null");
        changes = List.copyOf(requireNonNull(changes, "changes is null"));
    }

    /** What happens to one document. */
    public enum Action {
        CREATE,
        UPDATE,
        UNCHANGED
    }

    /**
     * @param descriptor the document as given
     * @param action what applying does with it
     * @param expectedVersion the stored version the update replaces (0 for a create)
     * @param invalidatedSegments segments (as {@code cube/segment}) whose data would no longer match
     */
    public record Change(Descriptor descriptor, Action action, long expectedVersion,
            List<String> invalidatedSegments) {
        public Change {
            requireNonNull(descriptor, "descriptor is null");
            requireNonNull(action, "action is null");
            invalidatedSegments = List.copyOf(requireNonNull(invalidatedSegments, "invalidatedSegments is null"));
        }
    }

    public boolean hasChanges() {
        return changes.stream().anyMatch(c -> c.action() != Action.UNCHANGED);
    }

    /** Every segment some change invalidates, without repeats. */
    public List<String> invalidatedSegments() {
        return changes.stream().flatMap(c -> c.invalidatedSegments().stream()).distinct().toList();
    }

    /** The plan as the CLI prints it: {@code + table lineorder}, {@code ~ cube ssb (invalidates ...)}, ... */
    public String render() {
        StringBuilder sb = new StringBuilder("project '" + project + "':");
        for (Change c : changes) {
            String mark = switch (c.action()) {
                case CREATE -> "+";
                case UPDATE -> "~";
                case UNCHANGED -> "=";
            };
            sb.append(System.lineSeparator()).append("  ").append(mark).append(' ').append(c.descriptor().kind())
                    .append(' ').append(c.descriptor().name());
            if (c.action() == Action.UNCHANGED) {
                sb.append(" (unchanged)");
            }
            if (!c.invalidatedSegments().isEmpty()) {
                sb.append(" (invalidates built segments ").append(String.join(", ", c.invalidatedSegments()))
                        .append(')');
            }
        }
        return sb.toString();
    }
}
