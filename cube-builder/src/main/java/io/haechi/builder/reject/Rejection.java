package io.haechi.builder.reject;

import static java.util.Objects.requireNonNull;

/**
 * One rejected row, or one corrupt region standing for several rows.
 *
 * @param reason why
 * @param origin where (file and row, line or block)
 * @param column the offending column, or null when the whole row or block is at fault
 * @param value an excerpt of the offending value (at most {@link #MAX_EXCERPT} characters), or null
 * @param expected what was expected instead, in words ("an INT", "3 fields", "a lookup row in CUSTOMER")
 * @param rows how many input rows this rejection accounts for: 1 for a row; for a corrupt block the rows its header
 *     declares that were not read (0 when the header itself is unreadable)
 */
public record Rejection(RejectReason reason, RowOrigin origin, String column, String value, String expected,
                        long rows) {
    /** Longest value excerpt kept in a sample. */
    public static final int MAX_EXCERPT = 80;

    public Rejection {
        requireNonNull(reason, "reason is null");
        requireNonNull(origin, "origin is null");
        requireNonNull(expected, "expected is null");
        if (rows < 0) {
            throw new IllegalArgumentException("rows must not be negative, got " + rows);
        }
        value = excerpt(value);
    }

    /** A rejection of one row. */
    public static Rejection ofRow(RejectReason reason, RowOrigin origin, String column, Object value,
                                  String expected) {
        return new Rejection(reason, origin, column, value == null ? null : String.valueOf(value), expected, 1);
    }

    /** Shortens a value for a report: at most {@link #MAX_EXCERPT} characters, control characters escaped. */
    public static String excerpt(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(Math.min(value.length(), MAX_EXCERPT) + 8);
        for (int i = 0; i < value.length() && b.length() < MAX_EXCERPT; i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> b.append(c < 0x20 ? '?' : c);
            }
        }
        if (b.length() >= MAX_EXCERPT && value.length() > MAX_EXCERPT) {
            b.setLength(MAX_EXCERPT);
            b.append("...");
        }
        return b.toString();
    }

    /** One line for reports: {@code file line 12, column lo_tax: 'x' (expected an INT)}. */
    public String describe() {
        StringBuilder b = new StringBuilder(origin.toString());
        if (column != null) {
            b.append(", column ").append(column);
        }
        if (value != null) {
            b.append(": '").append(value).append('\'');
        }
        b.append(" (expected ").append(expected).append(')');
        if (reason == RejectReason.CORRUPT_BLOCK) {
            b.append(rows > 0 ? ", " + rows + " rows lost" : ", row count unreadable");
        }
        return b.toString();
    }
}
