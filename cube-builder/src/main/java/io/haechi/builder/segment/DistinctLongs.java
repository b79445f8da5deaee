package io.haechi.builder.segment;

import io.haechi.model.dict.ByteWriter;
import java.util.Arrays;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * The engine's state of an exact 64-bit distinct count: a sorted array while small (most groups of a fine cuboid
 * hold a handful of ids, and a {@link Roaring64Bitmap} per group costs about a kilobyte and microseconds to
 * serialise), promoted to a {@link Roaring64Bitmap} past {@link #SMALL} ids. Ids compare as unsigned, the
 * order of the Roaring64 iterator and of cube-model's gap format.
 */
final class DistinctLongs {
    /** Most ids held in the array. */
    static final int SMALL = 32;

    private long[] small;
    private int size;
    private Roaring64Bitmap large;
    /** The large bitmap's bytes when last measured, and an upper bound of what merges added since. */
    private long measuredBytes = -1;
    private long addedBytes;

    static DistinctLongs empty() {
        DistinctLongs d = new DistinctLongs();
        d.small = new long[0];
        return d;
    }

    static DistinctLongs of(long id) {
        DistinctLongs d = new DistinctLongs();
        d.small = new long[] {id};
        d.size = 1;
        return d;
    }

    static DistinctLongs of(Roaring64Bitmap map) {
        DistinctLongs d = new DistinctLongs();
        d.large = map;
        return d;
    }

    boolean isSmall() {
        return large == null;
    }

    long cardinality() {
        return large == null ? size : large.getLongCardinality();
    }

    /** The ids of a small state, unsigned ascending (do not change). */
    long[] smallIds() {
        return small;
    }

    int smallSize() {
        return size;
    }

    Roaring64Bitmap toRoaring() {
        if (large != null) {
            return large;
        }
        Roaring64Bitmap m = new Roaring64Bitmap();
        for (int i = 0; i < size; i++) {
            m.addLong(small[i]);
        }
        return m;
    }

    DistinctLongs merge(DistinctLongs other) {
        if (large == null && other.large == null && size + other.size <= SMALL) {
            long[] out = new long[size + other.size];
            int i = 0;
            int j = 0;
            int n = 0;
            while (i < size || j < other.size) {
                long v;
                if (j == other.size || (i < size && Long.compareUnsigned(small[i], other.small[j]) < 0)) {
                    v = small[i++];
                } else if (i == size || Long.compareUnsigned(other.small[j], small[i]) < 0) {
                    v = other.small[j++];
                } else {
                    v = small[i++];
                    j++;
                }
                out[n++] = v;
            }
            small = n == out.length ? out : Arrays.copyOf(out, n);
            size = n;
            return this;
        }
        Roaring64Bitmap mine = toRoaring();
        // Measuring a Roaring64Bitmap walks all of it, so merges add an upper bound and sizeInBytes measures again
        // only once that bound has grown by a quarter: the memory budget stays honest at amortised O(1) per merge.
        addedBytes += other.large == null ? 16L * other.size : other.sizeInBytes();
        if (other.large != null) {
            mine.or(other.large);
        } else {
            for (int k = 0; k < other.size; k++) {
                mine.addLong(other.small[k]);
            }
        }
        large = mine;
        small = null;
        size = 0;
        return this;
    }

    long sizeInBytes() {
        if (large == null) {
            return 32 + 8L * size;
        }
        if (measuredBytes < 0 || addedBytes > measuredBytes / 4 + 4096) {
            measuredBytes = large.getLongSizeInBytes();
            addedBytes = 0;
        }
        return 96 + measuredBytes + addedBytes;
    }

    /** Cube-model COUNT_DISTINCT 64's gap format (format byte 2, count, unsigned gaps) of a small state. */
    void writeGaps(ByteWriter out) {
        out.writeByte(2).writeVarLong(size);
        long prev = 0;
        for (int i = 0; i < size; i++) {
            out.writeVarLong(small[i] - prev);
            prev = small[i];
        }
    }

    static Iterable<Long> ids(Roaring64Bitmap m) {
        return () -> new java.util.Iterator<>() {
            private final LongIterator it = m.getLongIterator();

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Long next() {
                return it.next();
            }
        };
    }
}
