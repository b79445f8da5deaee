package io.haechi.builder.segment;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Gives each distinct value of one column a provisional id (0, 1, ... in order of first sight) during the read pass,
 * from any number of threads. The ids are stable for the pass, so fact rows can be spilled with them and remapped
 * to the order-preserving dense codes once every value is known. NULL is a value like any other here.
 */
final class ValueInterner {
    private static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "NULL";
        }
    };

    private final ConcurrentHashMap<Object, Integer> ids = new ConcurrentHashMap<>();
    private final AtomicInteger next = new AtomicInteger();
    private final String column;
    private final int maxValues;

    ValueInterner(String column, int maxValues) {
        this.column = column;
        this.maxValues = maxValues;
    }

    int id(Object value) {
        Object key = value == null ? NULL : value;
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        return ids.computeIfAbsent(key, k -> {
            int n = next.getAndIncrement();
            if (n >= maxValues) {
                throw new io.haechi.model.error.HaechiException(io.haechi.model.error.ErrorCode.BUILD_FAILED,
                        column + " has more than " + maxValues + " distinct values in this segment; use an integer, "
                                + "date or fixed_length encoding for it");
            }
            return n;
        });
    }

    int size() {
        return next.get();
    }

    /** The values by provisional id (NULL as null); call once the pass is over. */
    Object[] values() {
        Object[] out = new Object[next.get()];
        ids.forEach((k, v) -> out[v] = k == NULL ? null : k);
        return out;
    }
}
