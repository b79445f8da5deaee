package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * A row-key range: {@code start} inclusive, {@code stop} exclusive; an empty array leaves that side unbounded.
 *
 * @param start first row key of the range, or empty for the table's start
 * @param stop first row key after the range, or empty for the table's end
 */
public record KeyRange(byte[] start, byte[] stop) {
    public KeyRange {
        requireNonNull(start, "start is null");
        requireNonNull(stop, "stop is null");
        start = start.clone();
        stop = stop.clone();
        if (stop.length > 0 && Arrays.compareUnsigned(start, stop) >= 0) {
            throw new IllegalArgumentException("key range start " + Bytes.toStringBinary(start)
                    + " is not before its stop " + Bytes.toStringBinary(stop));
        }
    }

    /** The whole table. */
    public static KeyRange all() {
        return new KeyRange(new byte[0], new byte[0]);
    }

    /** All row keys that start with {@code prefix}. */
    public static KeyRange prefix(byte[] prefix) {
        byte[] stop = prefix.clone();
        int i = stop.length - 1;
        while (i >= 0 && stop[i] == (byte) 0xFF) {
            i--;
        }
        if (i < 0) {
            return new KeyRange(prefix, new byte[0]);
        }
        stop = Arrays.copyOf(stop, i + 1);
        stop[i]++;
        return new KeyRange(prefix, stop);
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] stop() {
        return stop.clone();
    }

    /** The part of this range inside {@code [regionStart, regionEnd)} (empty end = unbounded), or null if none. */
    KeyRange intersect(byte[] regionStart, byte[] regionEnd) {
        byte[] lo = Arrays.compareUnsigned(start, regionStart) >= 0 ? start : regionStart;
        byte[] hi;
        if (stop.length == 0) {
            hi = regionEnd;
        } else if (regionEnd.length == 0) {
            hi = stop;
        } else {
            hi = Arrays.compareUnsigned(stop, regionEnd) <= 0 ? stop : regionEnd;
        }
        if (hi.length > 0 && Arrays.compareUnsigned(lo, hi) >= 0) {
            return null;
        }
        return new KeyRange(lo, hi);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KeyRange range && Arrays.equals(start, range.start) && Arrays.equals(stop, range.stop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(stop);
    }

    @Override
    public String toString() {
        return "[" + Bytes.toStringBinary(start) + ", " + (stop.length == 0 ? "end" : Bytes.toStringBinary(stop)) + ")";
    }
}
