package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.Arrays;

/**
 * Collects one dimension's values, in any order and with any number of duplicates, and builds an
 * {@link OrderedDictionary}. NULLs are skipped (NULL has its reserved code).
 *
 * <p>Memory stays near the size of the distinct values: values are appended to one byte arena (no object per value),
 * and whenever the values added since the last compaction reach the number of distinct values (at least 64 Ki) the
 * arena is sorted and de-duplicated. A column of a billion rows and a thousand distinct values therefore never holds
 * more than about 64 Ki pending values; while there are at most 128 Ki distinct values, a hash set of them also lets
 * repeated values skip the arena altogether. Exceeding {@code maxCardinality} distinct values fails with a message that
 * suggests another encoding. Not thread-safe: one builder per dimension per task.
 */
public final class DictionaryBuilder {
    /** Default cap on distinct values; about 200 MB of heap for 10M strings of 16 bytes. */
    public static final int DEFAULT_MAX_CARDINALITY = 10_000_000;
    private static final int MIN_PENDING = 1 << 16;
    /** Up to this many distinct values a hash set lets known values skip the arena (about 100 bytes each). */
    private static final int KNOWN_LIMIT = 1 << 17;

    private final DataType type;
    private final String dimension;
    private final SortableBytes form;
    private final int maxCardinality;
    private ByteWriter arena = new ByteWriter(1 << 12);
    private int[] offsets = new int[1024 + 1];
    private int count;
    private int distinct;
    private byte[] last;
    private java.util.Set<java.nio.ByteBuffer> known = java.util.Set.of();

    public DictionaryBuilder(DataType type, String dimension) {
        this(type, dimension, DEFAULT_MAX_CARDINALITY);
    }

    /**
     * @param dimension names the dimension in error messages
     * @param maxCardinality the most distinct values accepted, 1..{@link OrderedDictionary#MAX_SIZE}
     */
    public DictionaryBuilder(DataType type, String dimension, int maxCardinality) {
        this.type = requireNonNull(type, "type is null");
        this.dimension = requireNonNull(dimension, "dimension is null");
        if (maxCardinality < 1 || maxCardinality > OrderedDictionary.MAX_SIZE) {
            throw new IllegalArgumentException("maxCardinality must be 1.." + OrderedDictionary.MAX_SIZE
                    + ", got " + maxCardinality);
        }
        this.form = new SortableBytes(type);
        this.maxCardinality = maxCardinality;
    }

    /** Adds a raw value (coerced through {@link Values#coerce}); NULL is ignored. */
    public DictionaryBuilder add(Object value) {
        Object canonical = Values.coerce(value, type, "dimension " + dimension);
        if (canonical == null) {
            return this;
        }
        byte[] b = form.toBytes(canonical);
        if (last != null && Arrays.equals(b, last)) {
            return this; // runs of one value are common in sorted or clustered input
        }
        last = b;
        if (known.contains(java.nio.ByteBuffer.wrap(b))) {
            return this; // low-cardinality columns: most values are already known, no sorting needed
        }
        if (count + 1 >= offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
        }
        arena.writeBytes(b);
        offsets[++count] = arena.size();
        if (count - distinct >= Math.max(MIN_PENDING, distinct)) {
            compact();
        }
        return this;
    }

    /** Distinct values so far (exact after {@link #build}; may count pending duplicates before). */
    public int approximateSize() {
        return count;
    }

    public OrderedDictionary build() {
        compact();
        return new OrderedDictionary(type, arena.toByteArray(), Arrays.copyOf(offsets, count + 1));
    }

    /** A stable merge sort of value indexes by their bytes (no boxing: compactions sort up to millions). */
    private static void sort(int[] idx, byte[] a, int[] off) {
        int[] buf = new int[idx.length];
        int[] src = idx;
        int[] dst = buf;
        for (int width = 1; width < idx.length; width *= 2) {
            for (int lo = 0; lo < idx.length; lo += 2 * width) {
                int mid = Math.min(lo + width, idx.length);
                int hi = Math.min(lo + 2 * width, idx.length);
                int i = lo;
                int j = mid;
                int k = lo;
                while (i < mid && j < hi) {
                    int x = src[i];
                    int y = src[j];
                    dst[k++] = Arrays.compareUnsigned(a, off[x], off[x + 1], a, off[y], off[y + 1]) <= 0 ? src[i++]
                            : src[j++];
                }
                while (i < mid) {
                    dst[k++] = src[i++];
                }
                while (j < hi) {
                    dst[k++] = src[j++];
                }
            }
            int[] t = src;
            src = dst;
            dst = t;
        }
        if (src != idx) {
            System.arraycopy(src, 0, idx, 0, idx.length);
        }
    }

    private void compact() {
        int[] idx = new int[count];
        for (int i = 0; i < count; i++) {
            idx[i] = i;
        }
        byte[] a = arena.array();
        int[] off = offsets;
        sort(idx, a, off);
        ByteWriter next = new ByteWriter(arena.size());
        int[] nextOffsets = new int[Math.max(1024, count * 2) + 1];
        int n = 0;
        int prev = -1;
        for (int i : idx) {
            if (prev >= 0 && Arrays.equals(a, off[prev], off[prev + 1], a, off[i], off[i + 1])) {
                continue;
            }
            next.writeBytes(a, off[i], off[i + 1] - off[i]);
            nextOffsets[++n] = next.size();
            prev = i;
        }
        if (n > maxCardinality) {
            throw new HaechiException(ErrorCode.VALUE_NOT_ENCODABLE, "dimension " + dimension + " has more than "
                    + maxCardinality + " distinct values, too many for a dictionary; encode it as fixed_length:N "
                    + "(strings) or integer:N (integers), or raise the dictionary cardinality limit");
        }
        arena = next;
        offsets = nextOffsets;
        count = n;
        distinct = n;
        if (n <= KNOWN_LIMIT) {
            java.util.Set<java.nio.ByteBuffer> set = new java.util.HashSet<>(n * 2);
            byte[] data = arena.array();
            for (int i = 0; i < n; i++) {
                set.add(java.nio.ByteBuffer.wrap(data, offsets[i], offsets[i + 1] - offsets[i]).slice());
            }
            known = set;
        } else {
            known = java.util.Set.of();
        }
    }
}
