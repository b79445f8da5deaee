package io.haechi.builder.join;

/**
 * Lookup rows by a single integral key in an open-addressing table of primitive longs: the hot path of the
 * flat-table join, which would otherwise allocate a boxed key and a {@link JoinKey} per fact row and join.
 * Read-only after it is built, so safe to share between threads.
 */
final class LongRowIndex {
    private final long[] keys;
    private final Object[][] rows;
    private final int mask;

    private LongRowIndex(long[] keys, Object[][] rows) {
        this.keys = keys;
        this.rows = rows;
        this.mask = keys.length - 1;
    }

    /** An index over these keys and rows (keys distinct), at a load factor of at most one half. */
    static LongRowIndex of(long[] keyList, Object[][] rowList) {
        int capacity = Integer.highestOneBit(Math.max(4, keyList.length * 2 - 1)) << 1;
        long[] keys = new long[capacity];
        Object[][] rows = new Object[capacity][];
        int mask = capacity - 1;
        for (int i = 0; i < keyList.length; i++) {
            int slot = mix(keyList[i]) & mask;
            while (rows[slot] != null) {
                slot = (slot + 1) & mask;
            }
            keys[slot] = keyList[i];
            rows[slot] = rowList[i];
        }
        return new LongRowIndex(keys, rows);
    }

    /** The row with this key, or null. */
    Object[] get(long key) {
        int slot = mix(key) & mask;
        Object[] row;
        while ((row = rows[slot]) != null) {
            if (keys[slot] == key) {
                return row;
            }
            slot = (slot + 1) & mask;
        }
        return null;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }
}
