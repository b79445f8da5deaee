package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * A half-open range of days [from, to).
 *
 * @param from first day in the range
 * @param to first day after the range; after {@code from}
 */
public record DateInterval(LocalDate from, LocalDate to) {
    public DateInterval {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!to.isAfter(from)) {
            throw new IllegalArgumentException("the range [" + from + ", " + to + ") is empty: to must be after from");
        }
    }

    public static DateInterval day(LocalDate day) {
        return new DateInterval(day, day.plusDays(1));
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(to);
    }

    public boolean overlaps(DateInterval other) {
        return from.isBefore(other.to) && other.from.isBefore(to);
    }

    /** The common part of two intervals, or null when they do not overlap. */
    public DateInterval intersect(DateInterval other) {
        LocalDate f = from.isAfter(other.from) ? from : other.from;
        LocalDate t = to.isBefore(other.to) ? to : other.to;
        return t.isAfter(f) ? new DateInterval(f, t) : null;
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to + ")";
    }
}
