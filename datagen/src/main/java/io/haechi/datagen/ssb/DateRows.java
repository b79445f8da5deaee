package io.haechi.datagen.ssb;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The SSB date table: one row per day of 1992-01-01..1998-12-31 (2,557 rows, no randomness), with dbgen's quirks
 * kept on purpose: the day of week runs one day late (1992-01-01, a Wednesday, is {@code Thursday}, 5) and
 * {@code d_weeknuminyear = daynuminyear / 7 + 1} (not ISO weeks).
 */
public final class DateRows {
    public static final LocalDate FIRST = LocalDate.of(1992, 1, 1);
    public static final LocalDate LAST = LocalDate.of(1998, 12, 31);

    private static final String[] DAY_NAMES = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday"};

    private DateRows() {
    }

    public static void generate(Consumer<Object[]> sink) {
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            sink.accept(row(d));
        }
    }

    /** The yyyymmdd integer of a date. */
    public static int dateKey(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static Object[] row(LocalDate d) {
        String month = d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        int sundayBased = d.getDayOfWeek().getValue() % 7 + 1;
        int dayNumInWeek = sundayBased % 7 + 1; // dbgen's off-by-one: the label of the next day
        int dayOfYear = d.getDayOfYear();
        boolean lastInMonth = d.getDayOfMonth() == d.lengthOfMonth();
        return new Object[] {
            dateKey(d),
            month + " " + d.getDayOfMonth() + ", " + d.getYear(),
            DAY_NAMES[dayNumInWeek - 1],
            month,
            d.getYear(),
            d.getYear() * 100 + d.getMonthValue(),
            month.substring(0, 3) + d.getYear(),
            dayNumInWeek,
            d.getDayOfMonth(),
            dayOfYear,
            d.getMonthValue(),
            dayOfYear / 7 + 1,
            sellingSeason(d.getMonthValue()),
            dayNumInWeek == 7 ? 1 : 0,
            lastInMonth ? 1 : 0,
            isHoliday(d) ? 1 : 0,
            dayNumInWeek != 1 && dayNumInWeek != 7 ? 1 : 0,
        };
    }

    private static String sellingSeason(int month) {
        if (month <= 3) {
            return "Winter";
        }
        if (month == 4) {
            return "Spring";
        }
        if (month <= 8) {
            return "Summer";
        }
        if (month <= 10) {
            return "Fall";
        }
        return "Christmas";
    }

    private static boolean isHoliday(LocalDate d) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        return (m == 12 && day == 24) || (m == 1 && day == 1) || (m >= 2 && m <= 11 && m != 3 && m != 6 && day == 20);
    }
}
