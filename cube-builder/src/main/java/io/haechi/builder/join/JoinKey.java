package io.haechi.builder.join;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A hash key of one or more column values. Values are compared by what they mean, not by Java class: SMALLINT,
 * INT and BIGINT values are all compared as {@code long} (a fact's INT key meets a lookup's BIGINT key), and
 * DECIMAL values ignore trailing zeros. Other types compare by {@code equals} (strings exactly, no CHAR padding).
 */
final class JoinKey {
    private final Object[] parts;
    private final int hash;

    /** The only part of a one-column key. */
    Object singlePart() {
        return parts.length == 1 ? parts[0] : null;
    }

    private JoinKey(Object[] parts) {
        this.parts = parts;
        this.hash = Arrays.hashCode(parts);
    }

    /** The key of these values, or null when one of them is NULL (a NULL key matches nothing). */
    static JoinKey of(Object[] row, int[] indexes) {
        Object[] parts = new Object[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            Object v = row[indexes[i]];
            if (v == null) {
                return null;
            }
            parts[i] = normalise(v);
        }
        return new JoinKey(parts);
    }

    private static Object normalise(Object v) {
        if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            // A decimal holding an integer meets an integer key.
            if (s.scale() <= 0 && s.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) >= 0
                    && s.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                return s.longValueExact();
            }
            return s;
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JoinKey k && hash == k.hash && Arrays.equals(parts, k.parts);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return parts.length == 1 ? String.valueOf(parts[0]) : Arrays.toString(parts);
    }
}
