package io.haechi.builder.source;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the days a Hive-style partition directory ({@code key=value}) holds, so that directories outside a build
 * range are not listed at all.
 *
 * <p>A directory counts as a date partition when its key is one of the filter's directory keys (by default the
 * partition column and the usual date keys, {@link PartitionFilter#USUAL_DATE_KEYS}), and its value is
 * {@code yyyy-MM-dd}, {@code yyyyMMdd}, {@code yyyy-MM}, {@code yyyyMM} or (for {@code year}) {@code yyyy}. Nested
 * {@code year=2026/month=1/day=5} directories narrow one another: {@code month} and {@code day} with one or two
 * digits need the enclosing year (and month). Any other directory (say {@code region=kr}, or Hive's
 * {@code __HIVE_DEFAULT_PARTITION__}) says nothing about dates and is never pruned.
 */
final class PartitionDirectories {
    private static final Pattern DAY = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-?(\\d{2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern SMALL = Pattern.compile("\\d{1,2}");

    private PartitionDirectories() {
    }

    /**
     * The days a directory named {@code name} holds, inside the enclosing directories' days {@code outer} (null when
     * unknown), or {@code outer} when the name says nothing about dates. {@code dateKeys} are the lower-case keys
     * whose values are dates.
     */
    static DateInterval interval(String name, Set<String> dateKeys, DateInterval outer) {
        int eq = name.indexOf('=');
        if (eq <= 0) {
            return outer;
        }
        String key = name.substring(0, eq).toLowerCase(Locale.ROOT);
        String value = name.substring(eq + 1);
        if (!dateKeys.contains(key)) {
            return outer;
        }
        DateInterval own;
        try {
            own = parse(key, value, outer);
        } catch (DateTimeException | NumberFormatException e) {
            own = null;
        }
        if (own == null) {
            return outer;
        }
        if (outer == null) {
            return own;
        }
        DateInterval both = outer.intersect(own);
        // Contradicting nesting (year=2025/month=2026-01): trust neither level for pruning.
        return both == null ? null : both;
    }

    private static DateInterval parse(String key, String value, DateInterval outer) {
        Matcher m = DAY.matcher(value);
        if (m.matches()) {
            return DateInterval.day(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        }
        m = MONTH.matcher(value);
        if (m.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return new DateInterval(first, first.plusMonths(1));
        }
        if (YEAR.matcher(value).matches() && key.equals("year")) {
            LocalDate first = LocalDate.of(Integer.parseInt(value), 1, 1);
            return new DateInterval(first, first.plusYears(1));
        }
        if (SMALL.matcher(value).matches() && outer != null) {
            int n = Integer.parseInt(value);
            LocalDate start = outer.from();
            if (key.equals("month") && start.getDayOfYear() == 1 && outer.to().equals(start.plusYears(1))) {
                LocalDate first = LocalDate.of(start.getYear(), n, 1);
                return new DateInterval(first, first.plusMonths(1));
            }
            if (key.equals("day") && start.getDayOfMonth() == 1 && outer.to().equals(start.plusMonths(1))) {
                return DateInterval.day(LocalDate.of(start.getYear(), start.getMonthValue(), n));
            }
        }
        return null;
    }
}
