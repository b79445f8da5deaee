package io.haechi.builder.source;

import static io.haechi.builder.reject.RejectReason.VALUE_OUT_OF_RANGE;
import static io.haechi.builder.reject.RejectReason.WRONG_TYPE;

import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;

/**
 * Normalises values to the Java type of their column, the one contract every source reader keeps:
 * <table>
 * <caption>Column type to Java type</caption>
 * <tr><td>BOOLEAN</td><td>{@link Boolean}</td></tr>
 * <tr><td>SMALLINT</td><td>{@link Short} (range-checked; Short, as JDBC and Calcite map SMALLINT)</td></tr>
 * <tr><td>INT</td><td>{@link Integer}</td></tr>
 * <tr><td>BIGINT</td><td>{@link Long}</td></tr>
 * <tr><td>DECIMAL(p,s)</td><td>{@link BigDecimal} with scale exactly s (rounded half-up like SQL CAST; more than
 *     p-s integer digits is out of range)</td></tr>
 * <tr><td>DOUBLE</td><td>{@link Double}</td></tr>
 * <tr><td>CHAR(n), VARCHAR(n)</td><td>{@link String} (longer than n is out of range; CHAR is not padded)</td></tr>
 * <tr><td>DATE</td><td>{@link LocalDate}</td></tr>
 * <tr><td>TIMESTAMP</td><td>{@link LocalDateTime}: SQL TIMESTAMP has no zone; an instant (Avro
 *     {@code timestamp-millis/micros}) is taken in UTC, a local timestamp as is</td></tr>
 * </table>
 * Values are accepted from any reasonable Java type: strings are parsed as text, integers of any width are
 * range-checked, an 8-digit integer in a DATE column is read as {@code yyyyMMdd}.
 */
public final class ColumnValues {
    private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .appendValue(ChronoField.HOUR_OF_DAY, 2).appendLiteral(':')
            .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2).optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /** Only the built-in formats. */
    public static final ColumnValues DEFAULT = new ColumnValues(null, null);

    private final DateTimeFormatter dateFormat;
    private final DateTimeFormatter timestampFormat;

    /**
     * @param datePattern an extra {@link DateTimeFormatter} pattern for DATE text, tried after {@code yyyy-MM-dd};
     *     null for none
     * @param timestampPattern an extra pattern for TIMESTAMP text, tried after {@code yyyy-MM-dd HH:mm:ss[.f]}
     *     (or with {@code T}); null for none
     */
    public ColumnValues(String datePattern, String timestampPattern) {
        this.dateFormat = datePattern == null ? null : DateTimeFormatter.ofPattern(datePattern, Locale.ROOT);
        this.timestampFormat = timestampPattern == null ? null
                : DateTimeFormatter.ofPattern(timestampPattern, Locale.ROOT);
    }

    /** Normalises a non-null value read by a source (Avro datum, Java object) to the column type. */
    Object fromObject(Object v, DataType type) throws BadValueException {
        if (v instanceof CharSequence s) {
            return fromText(s.toString(), type);
        }
        return switch (type.name()) {
            case BOOLEAN -> {
                if (v instanceof Boolean b) {
                    yield b;
                }
                throw wrong(type);
            }
            case SMALLINT -> (short) integral(v, type, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> (int) integral(v, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> integral(v, type, Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL -> decimal(toBigDecimal(v, type), type);
            case DOUBLE -> {
                if (v instanceof Number n && !(v instanceof BigInteger)) {
                    yield n.doubleValue();
                }
                throw wrong(type);
            }
            case CHAR, VARCHAR -> {
                if (v instanceof Number || v instanceof Boolean || v instanceof LocalDate) {
                    yield string(String.valueOf(v), type);
                }
                throw wrong(type);
            }
            case DATE -> {
                if (v instanceof LocalDate d) {
                    yield d;
                }
                if (v instanceof LocalDateTime t) {
                    yield t.toLocalDate();
                }
                if (v instanceof Instant i) {
                    yield LocalDate.ofInstant(i, ZoneOffset.UTC);
                }
                if (v instanceof Integer || v instanceof Long) {
                    yield basicDate(String.valueOf(v), type);
                }
                throw wrong(type);
            }
            case TIMESTAMP -> {
                if (v instanceof LocalDateTime t) {
                    yield t;
                }
                if (v instanceof Instant i) {
                    yield LocalDateTime.ofInstant(i, ZoneOffset.UTC);
                }
                if (v instanceof LocalDate d) {
                    yield d.atStartOfDay();
                }
                throw wrong(type);
            }
        };
    }

    /**
     * Parses text (a CSV field, an Avro string) as the column type. Surrounding blanks are ignored except for
     * strings, which are kept exactly.
     */
    Object fromText(String text, DataType type) throws BadValueException {
        if (type.name().isString()) {
            return string(text, type);
        }
        String t = text.strip();
        return switch (type.name()) {
            case BOOLEAN -> switch (t.toLowerCase(Locale.ROOT)) {
                case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
                case "false", "f", "no", "n", "0" -> Boolean.FALSE;
                default -> throw new BadValueException(WRONG_TYPE, "a BOOLEAN (true/false, t/f, yes/no, 1/0)");
            };
            case SMALLINT -> (short) parseIntegral(t, type, Short.MIN_VALUE, Short.MAX_VALUE);
            case INT -> (int) parseIntegral(t, type, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case BIGINT -> parseIntegral(t, type, Long.MIN_VALUE, Long.MAX_VALUE);
            case DECIMAL -> {
                try {
                    yield decimal(new BigDecimal(t), type);
                } catch (NumberFormatException e) {
                    throw wrong(type);
                }
            }
            case DOUBLE -> {
                try {
                    yield Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    throw wrong(type);
                }
            }
            case DATE -> parseDate(t, type);
            case TIMESTAMP -> parseTimestamp(t, type);
            case CHAR, VARCHAR -> throw new IllegalStateException("handled above");
        };
    }

    private LocalDate parseDate(String t, DataType type) throws BadValueException {
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            // try the others
        }
        if (dateFormat != null) {
            try {
                return LocalDate.parse(t, dateFormat);
            } catch (DateTimeParseException e) {
                // fall through to the error
            }
        }
        throw new BadValueException(WRONG_TYPE, "a DATE as yyyy-MM-dd" + (dateFormat == null ? "" : " or " + dateFormat));
    }

    private LocalDateTime parseTimestamp(String t, DataType type) throws BadValueException {
        try {
            return LocalDateTime.parse(t, TIMESTAMP_TEXT);
        } catch (DateTimeParseException e) {
            // try the others
        }
        if (timestampFormat != null) {
            try {
                return LocalDateTime.parse(t, timestampFormat);
            } catch (DateTimeParseException e) {
                // fall through to the error
            }
        }
        throw new BadValueException(WRONG_TYPE, "a TIMESTAMP as yyyy-MM-dd HH:mm:ss[.fff]"
                + (timestampFormat == null ? "" : " or " + timestampFormat));
    }

    private static LocalDate basicDate(String digits, DataType type) throws BadValueException {
        try {
            return LocalDate.parse(digits, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw new BadValueException(WRONG_TYPE, "a DATE (an integer must be yyyyMMdd)");
        }
    }

    private static long parseIntegral(String t, DataType type, long min, long max) throws BadValueException {
        long v;
        try {
            v = Long.parseLong(t);
        } catch (NumberFormatException e) {
            if (t.matches("[+-]?\\d+")) {
                throw outOfRange(type);
            }
            throw wrong(type);
        }
        if (v < min || v > max) {
            throw outOfRange(type);
        }
        return v;
    }

    private static long integral(Object v, DataType type, long min, long max) throws BadValueException {
        long n;
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof BigDecimal d) {
            try {
                n = d.longValueExact();
            } catch (ArithmeticException e) {
                throw d.stripTrailingZeros().scale() > 0 ? wrong(type) : outOfRange(type);
            }
        } else {
            throw wrong(type);
        }
        if (n < min || n > max) {
            throw outOfRange(type);
        }
        return n;
    }

    private static BigDecimal toBigDecimal(Object v, DataType type) throws BadValueException {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return BigDecimal.valueOf(((Number) v).longValue());
        }
        if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                return BigDecimal.valueOf(d);
            }
        }
        throw wrong(type);
    }

    private static BigDecimal decimal(BigDecimal d, DataType type) throws BadValueException {
        BigDecimal scaled = d.setScale(type.scale(), RoundingMode.HALF_UP);
        if (scaled.precision() - scaled.scale() > type.precision() - type.scale()) {
            throw outOfRange(type);
        }
        return scaled;
    }

    private static String string(String s, DataType type) throws BadValueException {
        if (type.precision() > 0 && s.codePointCount(0, s.length()) > type.precision()) {
            throw new BadValueException(VALUE_OUT_OF_RANGE, "a " + type + " (at most " + type.precision()
                    + " characters)");
        }
        return s;
    }

    private static BadValueException wrong(DataType type) {
        return new BadValueException(WRONG_TYPE, article(type));
    }

    private static BadValueException outOfRange(DataType type) {
        return new BadValueException(VALUE_OUT_OF_RANGE, article(type) + " in range");
    }

    private static String article(DataType type) {
        String s = type.toString();
        return ("AEIOU".indexOf(s.charAt(0)) >= 0 ? "an " : "a ") + s;
    }
}
