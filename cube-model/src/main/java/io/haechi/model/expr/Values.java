package io.haechi.model.expr;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Conversions of Java values between SQL types: column input, CASE results and CAST. */
final class Values {
    private static final DateTimeFormatter TIMESTAMP_TEXT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd[ HH:mm:ss[.SSS]]");

    private Values() {
    }

    /** Converts a column value of any accepted Java class to the canonical class of {@code type}. */
    static Object canonical(Object v, DataType type, ColumnRef column) {
        if (v == null) {
            return null;
        }
        try {
            switch (type.name()) {
                case SMALLINT, INT:
                    if (v instanceof Integer) {
                        return v;
                    }
                    if (v instanceof Long || v instanceof Short || v instanceof Byte) {
                        return Math.toIntExact(((Number) v).longValue());
                    }
                    break;
                case BIGINT:
                    if (v instanceof Long) {
                        return v;
                    }
                    if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
                        return ((Number) v).longValue();
                    }
                    break;
                case DECIMAL:
                    if (v instanceof BigDecimal || v instanceof Number) {
                        return toDecimal(v).setScale(type.scale(), RoundingMode.HALF_UP);
                    }
                    break;
                case DOUBLE:
                    if (v instanceof Number n) {
                        return n.doubleValue();
                    }
                    break;
                case CHAR, VARCHAR:
                    if (v instanceof CharSequence s) {
                        return s.toString();
                    }
                    break;
                case DATE:
                    if (v instanceof LocalDate) {
                        return v;
                    }
                    if (v instanceof Integer days) {
                        return LocalDate.ofEpochDay(days);
                    }
                    break;
                case TIMESTAMP:
                    if (v instanceof LocalDateTime) {
                        return v;
                    }
                    if (v instanceof Instant i) {
                        return LocalDateTime.ofInstant(i, ZoneOffset.UTC);
                    }
                    if (v instanceof Long millis) {
                        return LocalDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
                    }
                    break;
                case BOOLEAN:
                    if (v instanceof Boolean) {
                        return v;
                    }
                    break;
                default:
                    break;
            }
        } catch (ArithmeticException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "column " + column + " is " + type
                    + " but the row holds " + v + ", which is out of its range");
        }
        throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "column " + column + " is " + type
                + " but the row holds a " + v.getClass().getSimpleName() + " (" + v + ")");
    }

    static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double || v instanceof Float) {
            return BigDecimal.valueOf(((Number) v).doubleValue());
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /**
     * The conversion from {@code from} (null for a NULL literal) to {@code to}; {@code context} names the
     * expression in runtime errors. Call only when {@link ExprTypes#castable} holds.
     */
    static UnaryOperator<Object> converter(DataType from, DataType to, String context) {
        if (to.equals(from)) {
            return v -> v;
        }
        return v -> {
            try {
                return convert(v, to);
            } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
                throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "cannot convert " + describe(v) + " to "
                        + to + " in '" + context + "'");
            }
        };
    }

    private static Object convert(Object v, DataType to) {
        TypeName name = to.name();
        if (name.isString()) {
            return text(v);
        }
        if (v instanceof String s) {
            return fromText(s.trim(), to);
        }
        switch (name) {
            case SMALLINT, INT -> {
                long l = integral(v);
                if (name == TypeName.SMALLINT && (l < Short.MIN_VALUE || l > Short.MAX_VALUE)) {
                    throw new ArithmeticException("out of SMALLINT range");
                }
                return Math.toIntExact(l);
            }
            case BIGINT -> {
                return integral(v);
            }
            case DECIMAL -> {
                BigDecimal d = toDecimal(v).setScale(to.scale(), RoundingMode.HALF_UP);
                if (d.precision() - d.scale() > to.precision() - to.scale()) {
                    throw new ArithmeticException("out of range");
                }
                return d;
            }
            case DOUBLE -> {
                return ((Number) v).doubleValue();
            }
            case DATE -> {
                return v instanceof LocalDateTime t ? t.toLocalDate() : v;
            }
            case TIMESTAMP -> {
                return v instanceof LocalDate d ? d.atStartOfDay() : v;
            }
            default -> {
                return v;
            }
        }
    }

    private static long integral(Object v) {
        if (v instanceof Integer || v instanceof Long) {
            return ((Number) v).longValue();
        }
        // As DuckDB: DECIMAL rounds half away from zero, DOUBLE half to even.
        RoundingMode mode = v instanceof Double ? RoundingMode.HALF_EVEN : RoundingMode.HALF_UP;
        return toDecimal(v).setScale(0, mode).longValueExact();
    }

    private static Object fromText(String s, DataType to) {
        return switch (to.name()) {
            case SMALLINT, INT, BIGINT, DECIMAL -> convert(new BigDecimal(s), to);
            case DOUBLE -> Double.parseDouble(s);
            case DATE -> LocalDate.parse(s);
            case TIMESTAMP -> LocalDateTime.parse(s.length() == 10 ? s + " 00:00:00" : s, TIMESTAMP_TEXT);
            case BOOLEAN -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> Boolean.TRUE;
                case "false", "f", "0" -> Boolean.FALSE;
                default -> throw new NumberFormatException("not a boolean");
            };
            default -> s;
        };
    }

    static String text(Object v) {
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof LocalDateTime t) {
            return t.toString().replace('T', ' ');
        }
        return v.toString();
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + s + "'" : text(v);
    }
}
