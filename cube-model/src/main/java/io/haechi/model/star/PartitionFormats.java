package io.haechi.model.star;

import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Which partition column types take which date formats. */
final class PartitionFormats {
    private static final LocalDate SAMPLE = LocalDate.of(2024, 12, 31);

    private PartitionFormats() {
    }

    /** The problem with this type/format pair, or null if it is fine. */
    static String check(DataType type, Optional<String> format) {
        TypeName name = type.name();
        if (name.isTemporal()) {
            return format.isPresent() ? "a " + name + " partition column takes no dateFormat" : null;
        }
        boolean integer = name == TypeName.INT || name == TypeName.BIGINT;
        if (!integer && !name.isString()) {
            return "a partition column must be DATE, TIMESTAMP, or INT/BIGINT/VARCHAR with a dateFormat";
        }
        if (format.isEmpty()) {
            return "an " + name + " partition column needs a dateFormat such as "
                    + (integer ? "'yyyyMMdd'" : "'yyyy-MM-dd'");
        }
        String f = format.get();
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(f);
        } catch (IllegalArgumentException e) {
            return "dateFormat '" + f + "' is not a date pattern: " + e.getMessage();
        }
        String letters = f.replaceAll("'[^']*'", "");
        if (!letters.contains("y") && !letters.contains("u") || !letters.contains("M") || !letters.contains("d")) {
            return "dateFormat '" + f + "' must have a year (yyyy), a month (MM) and a day (dd)"
                    + (letters.contains("m") ? "; note 'mm' means minutes, months are 'MM'" : "");
        }
        String sample = SAMPLE.format(formatter);
        if (integer && !sample.chars().allMatch(Character::isDigit)) {
            return "an " + name + " partition column needs a digits-only dateFormat such as 'yyyyMMdd', but '" + f
                    + "' gives '" + sample + "'";
        }
        try {
            if (!LocalDate.parse(sample, formatter).equals(SAMPLE)) {
                return "dateFormat '" + f + "' does not read back the dates it writes";
            }
        } catch (DateTimeParseException e) {
            return "dateFormat '" + f + "' does not read back the dates it writes ('" + sample + "')";
        }
        return null;
    }
}
