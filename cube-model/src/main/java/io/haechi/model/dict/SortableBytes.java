package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * An invertible, order-preserving byte form of the canonical values of one type: {@code compare(a, b)} has the sign
 * of {@code Arrays.compareUnsigned(toBytes(a), toBytes(b))}. Dictionaries store and search values in this form, so one
 * implementation serves every type.
 *
 * <p>Integers, dates and timestamps: 8 bytes, big-endian with the sign bit flipped (timestamps in microseconds).
 * DECIMAL: the unscaled value as 16 bytes, sign-flipped (38 digits fit in 127 bits; the scale is the type's).
 * DOUBLE: the IEEE bits, all flipped for negatives and the sign flipped otherwise (NaN canonical, sorts last).
 * Strings: UTF-8. BOOLEAN: one byte 0 or 1.
 */
public final class SortableBytes {
    private final DataType type;

    public SortableBytes(DataType type) {
        this.type = requireNonNull(type, "type is null");
    }

    public DataType type() {
        return type;
    }

    /** The bytes of a canonical, non-null value (see {@link Values}). */
    public byte[] toBytes(Object value) {
        requireNonNull(value, "value is null");
        return switch (type.name()) {
            case BOOLEAN -> new byte[] {(byte) (((Boolean) value) ? 1 : 0)};
            case SMALLINT, INT, BIGINT -> flipped(((Number) value).longValue());
            case DATE -> flipped(((LocalDate) value).toEpochDay());
            case TIMESTAMP -> flipped(Values.epochMicros((LocalDateTime) value));
            case DOUBLE -> doubleBytes((Double) value);
            case DECIMAL -> decimalBytes((BigDecimal) value);
            case CHAR, VARCHAR -> ((String) value).getBytes(StandardCharsets.UTF_8);
        };
    }

    /** The canonical value of bytes made by {@link #toBytes}. */
    public Object fromBytes(byte[] b, int off, int len) {
        return switch (type.name()) {
            case BOOLEAN -> b[off] != 0;
            case SMALLINT -> (short) unflipped(b, off);
            case INT -> (int) unflipped(b, off);
            case BIGINT -> unflipped(b, off);
            case DATE -> LocalDate.ofEpochDay(unflipped(b, off));
            case TIMESTAMP -> Values.fromEpochMicros(unflipped(b, off));
            case DOUBLE -> {
                long bits = readLong(b, off);
                yield Double.longBitsToDouble(bits < 0 ? bits ^ Long.MIN_VALUE : ~bits);
            }
            case DECIMAL -> {
                byte[] u = new byte[16];
                System.arraycopy(b, off, u, 0, 16);
                u[0] ^= (byte) 0x80;
                yield new BigDecimal(new BigInteger(u), type.scale());
            }
            case CHAR, VARCHAR -> new String(b, off, len, StandardCharsets.UTF_8);
        };
    }

    /** The fixed length of this type's form, or -1 for strings. */
    public int fixedLength() {
        return switch (type.name()) {
            case BOOLEAN -> 1;
            case DECIMAL -> 16;
            case CHAR, VARCHAR -> -1;
            default -> 8;
        };
    }

    static byte[] flipped(long v) {
        byte[] out = new byte[8];
        writeLong(out, 0, v ^ Long.MIN_VALUE);
        return out;
    }

    static long unflipped(byte[] b, int off) {
        return readLong(b, off) ^ Long.MIN_VALUE;
    }

    private static byte[] doubleBytes(double d) {
        long bits = Double.doubleToLongBits(d);
        bits = bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
        byte[] out = new byte[8];
        writeLong(out, 0, bits);
        return out;
    }

    private static byte[] decimalBytes(BigDecimal d) {
        byte[] two = d.unscaledValue().toByteArray();
        byte[] out = new byte[16];
        byte fill = (byte) (d.signum() < 0 ? 0xFF : 0);
        int pad = 16 - two.length;
        for (int i = 0; i < pad; i++) {
            out[i] = fill;
        }
        System.arraycopy(two, 0, out, pad, two.length);
        out[0] ^= (byte) 0x80;
        return out;
    }

    static void writeLong(byte[] out, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
    }

    static long readLong(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }
}
