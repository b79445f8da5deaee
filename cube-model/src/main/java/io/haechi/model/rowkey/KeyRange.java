package io.haechi.model.rowkey;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;

/**
 * A scan range of row keys: {@code start <= key < stop} as unsigned bytes; an empty {@code stop} means the end of the
 * table (HBase's convention).
 *
 * @param start the first key, inclusive
 * @param stop the key after the last, exclusive; empty for "to the end"
 * @param exact whether every key of the scanned cuboid inside the range satisfies all the code ranges it was built
 *     from; when false the scan must also filter on the dimensions' codes (the residual filter)
 */
public record KeyRange(byte[] start, byte[] stop, boolean exact) {
    public KeyRange {
        requireNonNull(start, "start is null");
        requireNonNull(stop, "stop is null");
        start = start.clone();
        stop = stop.clone();
    }

    @Override
    public byte[] start() {
        return start.clone();
    }

    @Override
    public byte[] stop() {
        return stop.clone();
    }

    public boolean contains(byte[] key) {
        return Arrays.compareUnsigned(key, start) >= 0 && (stop.length == 0 || Arrays.compareUnsigned(key, stop) < 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyRange r && exact == r.exact && Arrays.equals(start, r.start)
                && Arrays.equals(stop, r.stop);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(start) + Arrays.hashCode(stop) + (exact ? 1 : 0);
    }

    @Override
    public String toString() {
        return "[" + CodeRange.hex(start) + ", " + CodeRange.hex(stop) + ")" + (exact ? "" : " +filter");
    }
}
