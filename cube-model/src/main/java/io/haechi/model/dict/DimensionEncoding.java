package io.haechi.model.dict;

import io.haechi.model.table.DataType;

/**
 * How one dimension's values become fixed-width codes in a row key.
 *
 * <p><b>Contract.</b> Every code is exactly {@link #width()} bytes. Codes are <b>order-preserving</b>: for non-null
 * values {@code a < b} (in {@link Values#comparator} order) exactly when {@code code(a) < code(b)} compared as unsigned
 * bytes, so a filter {@code x > 'M'} becomes the code range {@code [ceilingCode('M'+), maxCode]}.
 *
 * <p><b>NULL</b> has a reserved code, all bytes {@code 0xFF}, which sorts <b>after</b> every value: ascending scans see
 * NULLs last, as PostgreSQL (whose wire protocol Haechi speaks) orders them by default. No non-null value ever
 * encodes to it (integer encodings give up their largest value for it, dictionaries their last code; UTF-8 never
 * contains 0xFF). Range look-ups never return the NULL code; {@code IS NULL} is the point range
 * {@code [nullCode, nullCode]}.
 *
 * <p>Implementations are immutable and thread-safe.
 */
public interface DimensionEncoding {
    /** The column type whose canonical values (see {@link Values}) this encodes. */
    DataType type();

    /** The code width in bytes. */
    int width();

    /** The spelling in a cube descriptor, e.g. {@code dict}, {@code integer:4}, {@code fixed_length:12}. */
    String spec();

    /**
     * Writes the code of {@code value} (raw values are coerced through {@link Values#coerce}; {@code null} gives the
     * NULL code) at {@code out[offset..offset+width)}.
     *
     * @throws io.haechi.model.error.HaechiException {@code VALUE_NOT_ENCODABLE} when the value has no code (not in
     *     the dictionary, out of the integer range, longer than a fixed length): never truncated silently
     */
    void encode(Object value, byte[] out, int offset);

    /** The code of {@code value} as a new array. */
    default byte[] encode(Object value) {
        byte[] out = new byte[width()];
        encode(value, out, 0);
        return out;
    }

    /** The canonical value of the code at {@code in[offset..offset+width)}, {@code null} for the NULL code. */
    Object decode(byte[] in, int offset);

    default Object decode(byte[] code) {
        return decode(code, 0);
    }

    /** The smallest code whose value is {@code >= value} (or {@code > value} when not inclusive), or {@code null}. */
    byte[] ceilingCode(Object value, boolean inclusive);

    /** The largest code whose value is {@code <= value} (or {@code < value} when not inclusive), or {@code null}. */
    byte[] floorCode(Object value, boolean inclusive);

    /** The code of the smallest value; may lie below every stored value for a non-dictionary encoding. */
    byte[] minCode();

    /** The code of the largest value (the code just below the NULL code for non-dictionary encodings). */
    byte[] maxCode();

    /** The reserved NULL code: {@link #width()} bytes of 0xFF. */
    default byte[] nullCode() {
        byte[] b = new byte[width()];
        java.util.Arrays.fill(b, (byte) 0xFF);
        return b;
    }

    /** Whether the code at {@code in[offset..)} is the NULL code. */
    default boolean isNull(byte[] in, int offset) {
        for (int i = 0; i < width(); i++) {
            if (in[offset + i] != (byte) 0xFF) {
                return false;
            }
        }
        return true;
    }
}
