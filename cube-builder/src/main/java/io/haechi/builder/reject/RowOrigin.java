package io.haechi.builder.reject;

import static java.util.Objects.requireNonNull;

/**
 * Where a row came from, for error reports: a file and a 1-based position in it. CSV positions are physical line
 * numbers (a quoted newline counts), Avro positions are row numbers in the file, corrupt Avro regions are block
 * numbers.
 *
 * @param file the file path or URI as listed
 * @param unit what {@code number} counts
 * @param number the 1-based position
 */
public record RowOrigin(String file, Unit unit, long number) {
    /** What a position counts. */
    public enum Unit {
        ROW("row"),
        LINE("line"),
        BLOCK("block");

        private final String word;

        Unit(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    public RowOrigin {
        requireNonNull(file, "file is null");
        requireNonNull(unit, "unit is null");
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1, got " + number);
        }
    }

    public static RowOrigin row(String file, long row) {
        return new RowOrigin(file, Unit.ROW, row);
    }

    public static RowOrigin line(String file, long line) {
        return new RowOrigin(file, Unit.LINE, line);
    }

    public static RowOrigin block(String file, long block) {
        return new RowOrigin(file, Unit.BLOCK, block);
    }

    @Override
    public String toString() {
        return file + " " + unit.word() + " " + number;
    }
}
