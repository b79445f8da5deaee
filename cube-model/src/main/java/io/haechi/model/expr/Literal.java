package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A non-NULL literal. The Java class of the value follows the type: INT {@link Integer}, BIGINT {@link Long},
 * DECIMAL {@link BigDecimal}, DOUBLE {@link Double}, VARCHAR {@link String}, DATE {@link LocalDate}, TIMESTAMP
 * {@link LocalDateTime}, BOOLEAN {@link Boolean}.
 *
 * @param value the value
 * @param type its SQL type
 */
public record Literal(Object value, DataType type) implements Expr {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    public Literal {
        requireNonNull(value, "value is null");
        requireNonNull(type, "type is null");
        Class<?> expected = switch (type.name()) {
            case INT -> Integer.class;
            case BIGINT -> Long.class;
            case DECIMAL -> BigDecimal.class;
            case DOUBLE -> Double.class;
            case VARCHAR -> String.class;
            case DATE -> LocalDate.class;
            case TIMESTAMP -> LocalDateTime.class;
            case BOOLEAN -> Boolean.class;
            default -> throw new IllegalArgumentException("no literals of type " + type);
        };
        if (!expected.isInstance(value)) {
            throw new IllegalArgumentException("a " + type + " literal holds a " + expected.getSimpleName()
                    + ", not a " + value.getClass().getSimpleName());
        }
        if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
            throw new IllegalArgumentException("DOUBLE literal must be finite, got " + d);
        }
    }

    /** A literal of the natural type of {@code value}. */
    public static Literal of(Object value) {
        requireNonNull(value, "value is null");
        if (value instanceof Integer) {
            return new Literal(value, DataType.INT);
        }
        if (value instanceof Long) {
            return new Literal(value, DataType.BIGINT);
        }
        if (value instanceof BigDecimal d) {
            return new Literal(d, DataType.decimal(Math.max(1, Math.max(d.precision(), d.scale())), d.scale()));
        }
        if (value instanceof Double) {
            return new Literal(value, DataType.DOUBLE);
        }
        if (value instanceof String s) {
            return new Literal(s, s.isEmpty() ? DataType.VARCHAR : DataType.varchar(Math.min(65535, s.length())));
        }
        if (value instanceof LocalDate) {
            return new Literal(value, DataType.DATE);
        }
        if (value instanceof LocalDateTime) {
            return new Literal(value, DataType.TIMESTAMP);
        }
        if (value instanceof Boolean) {
            return new Literal(value, DataType.BOOLEAN);
        }
        throw new IllegalArgumentException("no literal for a " + value.getClass().getName());
    }

    /**
     * The literal of an unsigned numeric token ({@code 12}, {@code 1.50}, {@code 2E3}), with an optional minus sign:
     * INT if it fits, else BIGINT, else DECIMAL(p,0); DECIMAL(p,s) with a point; DOUBLE with an exponent.
     */
    static Literal ofNumber(String text) {
        try {
            if (text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
                double d = Double.parseDouble(text);
                if (Double.isInfinite(d)) {
                    throw new NumberFormatException("out of the DOUBLE range");
                }
                return new Literal(d, DataType.DOUBLE);
            }
            BigDecimal d = new BigDecimal(text);
            if (text.indexOf('.') >= 0) {
                return checkedDecimal(d, text);
            }
            BigInteger i = d.toBigIntegerExact();
            if (i.bitLength() < 32) {
                return new Literal(i.intValue(), DataType.INT);
            }
            if (i.compareTo(LONG_MIN) >= 0 && i.compareTo(LONG_MAX) <= 0) {
                return new Literal(i.longValue(), DataType.BIGINT);
            }
            return checkedDecimal(d, text);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "'" + text + "' is not a number: "
                    + e.getMessage());
        }
    }

    private static Literal checkedDecimal(BigDecimal d, String text) {
        int precision = Math.max(1, Math.max(d.precision(), d.scale()));
        if (precision > 38) {
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION,
                    "numeric literal " + text + " has more than 38 digits");
        }
        return new Literal(d, DataType.decimal(precision, d.scale()));
    }

    boolean isNumeric() {
        return type.name().isNumeric();
    }

    boolean isNegative() {
        return value instanceof Number n && (n instanceof BigDecimal b ? b.signum() < 0 : n.doubleValue() < 0);
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
