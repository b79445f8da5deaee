package io.haechi.model.rowkey;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * An inclusive range of one dimension's codes, {@code low <= code <= high} as unsigned bytes, both of the dimension's
 * width. Built from filter constants with {@code DimensionEncoding.ceilingCode/floorCode} (and {@code nullCode} for
 * IS NULL).
 *
 * @param low the smallest code in the range
 * @param high the largest code in the range
 */
public record CodeRange(byte[] low, byte[] high) {
    public CodeRange {
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
        if (low.length != high.length) {
            throw new IllegalArgumentException("low has " + low.length + " bytes, high " + high.length);
        }
        if (Arrays.compareUnsigned(low, high) > 0) {
            throw new IllegalArgumentException("empty range: low is above high");
        }
        low = low.clone();
        high = high.clone();
    }

    public static CodeRange point(byte[] code) {
        return new CodeRange(code, code);
    }

    /**
     * The codes of the non-NULL values {@code v} of a dimension with {@code lower <(=) v <(=) upper}, or empty when no
     * code can match (the filter is false for every row). A {@code null} bound is unbounded on that side. Equality
     * is {@code range(e, x, true, x, true)}; for a value missing from a dictionary it is empty.
     */
    public static java.util.Optional<CodeRange> range(io.haechi.model.dict.DimensionEncoding encoding, Object lower,
            boolean lowerInclusive, Object upper, boolean upperInclusive) {
        requireNonNull(encoding, "encoding is null");
        byte[] low = lower == null ? encoding.minCode() : encoding.ceilingCode(lower, lowerInclusive);
        byte[] high = upper == null ? encoding.maxCode() : encoding.floorCode(upper, upperInclusive);
        if (low == null || high == null || Arrays.compareUnsigned(low, high) > 0
                || (encoding instanceof io.haechi.model.dict.OrderedDictionary d && d.size() == 0)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new CodeRange(low, high));
    }

    /** The range of {@code IS NULL}: the NULL code alone. */
    public static CodeRange isNull(io.haechi.model.dict.DimensionEncoding encoding) {
        return point(encoding.nullCode());
    }

    @Override
    public byte[] low() {
        return low.clone();
    }

    @Override
    public byte[] high() {
        return high.clone();
    }

    public boolean isPoint() {
        return Arrays.equals(low, high);
    }

    public boolean contains(byte[] key, int offset) {
        return Arrays.compareUnsigned(key, offset, offset + low.length, low, 0, low.length) >= 0
                && Arrays.compareUnsigned(key, offset, offset + high.length, high, 0, high.length) <= 0;
    }

    /** The code width in bytes. */
    public int width() {
        return low.length;
    }

    /** The low code as an unsigned number (codes of up to 7 bytes). */
    public long lowLong() {
        return toLong(low);
    }

    /** The high code as an unsigned number (codes of up to 7 bytes). */
    public long highLong() {
        return toLong(high);
    }

    static long toLong(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = (v << 8) | (x & 0xFF);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CodeRange r && Arrays.equals(low, r.low) && Arrays.equals(high, r.high);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(low) + Arrays.hashCode(high);
    }

    @Override
    public String toString() {
        return "[" + hex(low) + ".." + hex(high) + "]";
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }
}
