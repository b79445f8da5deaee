package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.stream.LongStream;

/** A set of distinct cuboid ids, sorted ascending, with the base cuboid. Immutable. */
public final class CuboidSet {
    private final long[] ids;
    private final long base;

    /** Copies, sorts and de-duplicates {@code ids}, and adds {@code base}. */
    public CuboidSet(long[] ids, long base) {
        requireNonNull(ids, "ids is null");
        long[] all = Arrays.copyOf(ids, ids.length + 1);
        all[ids.length] = base;
        Arrays.sort(all);
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[n++] = all[i];
            }
        }
        this.ids = Arrays.copyOf(all, n);
        this.base = base;
    }

    public int size() {
        return ids.length;
    }

    public long baseCuboid() {
        return base;
    }

    public boolean contains(long cuboid) {
        return Arrays.binarySearch(ids, cuboid) >= 0;
    }

    /** The ids, ascending (a copy). */
    public long[] ids() {
        return ids.clone();
    }

    public LongStream stream() {
        return Arrays.stream(ids);
    }

    long idAt(int i) {
        return ids[i];
    }
}
