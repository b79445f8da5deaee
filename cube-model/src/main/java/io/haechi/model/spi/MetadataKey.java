package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * Identifies one metadata document: its kind ({@code project}, {@code table}, {@code model}, {@code cube},
 * {@code segment}, {@code job}, ...), the project it belongs to and its name within that kind and project. A project's
 * own document uses the project's name as both {@code project} and {@code name}.
 *
 * @param kind lower-case identifier: a letter, then letters, digits or '_', at most 32 characters
 * @param project the project name: 1 to 256 characters, no control characters
 * @param name the document name: 1 to 256 characters, no control characters
 */
public record MetadataKey(String kind, String project, String name) {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9_]{0,31}");

    public MetadataKey {
        requireNonNull(kind, "kind is null");
        requireNonNull(project, "project is null");
        requireNonNull(name, "name is null");
        if (!KIND.matcher(kind).matches()) {
            throw new IllegalArgumentException("kind '" + kind
                    + "' is not valid: use a lower-case letter, then lower-case letters, digits or '_', at most 32");
        }
        checkText(project, "project");
        checkText(name, "name");
    }

    private static void checkText(String value, String field) {
        if (value.isEmpty() || value.length() > 256) {
            throw new IllegalArgumentException(field + " must have 1 to 256 characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException(field + " '" + value.replaceAll("\\p{Cntrl}", "?")
                        + "' contains a control character at index " + i);
            }
        }
    }

    /** Checks that {@code kind} would be a valid kind, for list calls that take the kind alone. */
    public static String checkKind(String kind) {
        return new MetadataKey(kind, "p", "n").kind();
    }

    /** How messages name the document, e.g. {@code cube 'sales' in project 'ads'}. */
    public String describe() {
        if (kind.equals("project") && name.equals(project)) {
            return "project '" + name + "'";
        }
        return kind + " '" + name + "' in project '" + project + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
