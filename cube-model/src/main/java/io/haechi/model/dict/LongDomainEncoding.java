package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;

/**
 * An encoding of values that map onto a contiguous range of longs {@code [min, max]}: the code of {@code v} is
 * {@code v - min} as a big-endian unsigned number of {@link #width()} bytes. The all-0xFF code above {@code max} is
 * NULL. Integers, dates, timestamps and booleans are such encodings.
 */
public abstract class LongDomainEncoding implements DimensionEncoding {
    private final DataType type;
    private final int width;
    private final long min;
    private final long max;

    protected LongDomainEncoding(DataType type, int width, long min, long max) {
        this.type = requireNonNull(type, "type is null");
        if (width < 1 || width > 8) {
            throw new IllegalArgumentException("width must be 1..8 bytes, got " + width);
        }
        // Codes 0 .. max-min must stay below the all-0xFF NULL code.
        long nullCode = width == 8 ? -1L : (1L << (8 * width)) - 1;
        if (Long.compareUnsigned(max - min, nullCode) >= 0) {
            throw new IllegalArgumentException("domain [" + min + ", " + max + "] does not fit " + width + " bytes");
        }
        this.width = width;
        this.min = min;
        this.max = max;
    }

    /** The long of a canonical non-null value. */
    protected abstract long toLong(Object canonical);

    /** The canonical value of a long in {@code [min, max]}. */
    protected abstract Object fromLong(long v);

    /**
     * The smallest long {@code >= value} ({@code > value} unless inclusive) for a filter constant that may lie
     * between longs (e.g. 2.5 for an integer column). The default coerces the constant to the type exactly.
     */
    protected long ceilingLong(Object value, boolean inclusive) {
        long v = toLong(Values.coerce(value, type, "filter constant"));
        return inclusive ? v : (v == Long.MAX_VALUE ? v : v + 1);
    }

    /** The largest long {@code <= value} ({@code < value} unless inclusive); see {@link #ceilingLong}. */
    protected long floorLong(Object value, boolean inclusive) {
        long v = toLong(Values.coerce(value, type, "filter constant"));
        return inclusive ? v : (v == Long.MIN_VALUE ? v : v - 1);
    }

    @Override
    public final DataType type() {
        return type;
    }

    @Override
    public final int width() {
        return width;
    }

    public final long minValue() {
        return min;
    }

    public final long maxValue() {
        return max;
    }

    @Override
    public void encode(Object value, byte[] out, int offset) {
        Object canonical = Values.coerce(value, type, "dimension encoded as " + spec());
        if (canonical == null) {
            java.util.Arrays.fill(out, offset, offset + width, (byte) 0xFF);
            return;
        }
        long v = toLong(canonical);
        if (v < min || v > max) {
            throw Values.notEncodable(value, type, "dimension encoded as " + spec(),
                    "outside the encoding's range [" + fromLong(min) + ", " + fromLong(max) + "]");
        }
        writeCode(v - min, out, offset);
    }

    @Override
    public Object decode(byte[] in, int offset) {
        if (isNull(in, offset)) {
            return null;
        }
        long code = 0;
        for (int i = 0; i < width; i++) {
            code = (code << 8) | (in[offset + i] & 0xFF);
        }
        return fromLong(code + min);
    }

    @Override
    public byte[] ceilingCode(Object value, boolean inclusive) {
        boolean ceilingOverflows = !inclusive && isMaxLong(value);
        long v = ceilingLong(value, inclusive);
        if (ceilingOverflows || v > max) {
            return null;
        }
        return code(Math.max(v, min));
    }

    @Override
    public byte[] floorCode(Object value, boolean inclusive) {
        boolean floorUnderflows = !inclusive && isMinLong(value);
        long v = floorLong(value, inclusive);
        if (floorUnderflows || v < min) {
            return null;
        }
        return code(Math.min(v, max));
    }

    private boolean isMaxLong(Object value) {
        return value instanceof Number n && !(n instanceof Double) && n.longValue() == Long.MAX_VALUE;
    }

    private boolean isMinLong(Object value) {
        return value instanceof Number n && !(n instanceof Double) && n.longValue() == Long.MIN_VALUE;
    }

    @Override
    public byte[] minCode() {
        return code(min);
    }

    @Override
    public byte[] maxCode() {
        return code(max);
    }

    private byte[] code(long v) {
        byte[] out = new byte[width];
        writeCode(v - min, out, 0);
        return out;
    }

    private void writeCode(long code, byte[] out, int offset) {
        for (int i = width - 1; i >= 0; i--) {
            out[offset + i] = (byte) code;
            code >>>= 8;
        }
    }

    @Override
    public String toString() {
        return spec() + " for " + type;
    }
}
