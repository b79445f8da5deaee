package io.haechi.model.dict;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * {@code integer:N}: a signed integer in N bytes (1..8), offset so that byte order is numeric order. The range is
 * {@code [-2^(8N-1), 2^(8N-1) - 2]}: the largest value gives its code to NULL. Without N the width is the type's
 * (SMALLINT 2, INT 4, BIGINT 8). A value outside the range is an error, never wrapped.
 */
public final class IntegerEncoding extends LongDomainEncoding {
    public IntegerEncoding(DataType type, int width) {
        super(check(type, width), width, width == 8 ? Long.MIN_VALUE : -(1L << (8 * width - 1)),
                width == 8 ? Long.MAX_VALUE - 1 : (1L << (8 * width - 1)) - 2);
    }

    /** The width that holds every value of an integer type. */
    public static int naturalWidth(DataType type) {
        return switch (type.name()) {
            case SMALLINT -> 2;
            case INT -> 4;
            case BIGINT -> 8;
            default -> throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "integer encoding needs an integer column (SMALLINT, INT, BIGINT), got " + type);
        };
    }

    private static DataType check(DataType type, int width) {
        naturalWidth(type);
        if (width < 1 || width > 8) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "integer:N takes N from 1 to 8 bytes, got " + width);
        }
        return type;
    }

    @Override
    public String spec() {
        return "integer:" + width();
    }

    @Override
    protected long toLong(Object canonical) {
        return ((Number) canonical).longValue();
    }

    @Override
    protected Object fromLong(long v) {
        return switch (type().name()) {
            case SMALLINT -> (short) v;
            case INT -> (int) v;
            default -> v;
        };
    }

    @Override
    protected long ceilingLong(Object value, boolean inclusive) {
        BigDecimal d = bound(value);
        BigDecimal c = d.setScale(0, RoundingMode.CEILING);
        if (!inclusive && c.compareTo(d) == 0) {
            c = c.add(BigDecimal.ONE);
        }
        return clamp(c);
    }

    @Override
    protected long floorLong(Object value, boolean inclusive) {
        BigDecimal d = bound(value);
        BigDecimal f = d.setScale(0, RoundingMode.FLOOR);
        if (!inclusive && f.compareTo(d) == 0) {
            f = f.subtract(BigDecimal.ONE);
        }
        return clamp(f);
    }

    private static long clamp(BigDecimal d) {
        if (d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        if (d.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0) {
            return Long.MIN_VALUE;
        }
        return d.longValueExact();
    }

    private BigDecimal bound(Object value) {
        if (value instanceof BigDecimal bd) {
            return bd;
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(((Number) value).doubleValue());
        }
        if (value instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        return new BigDecimal(value.toString().trim());
    }
}
