package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps the stored dimensions, in row-key order, to cuboid-id bits as Kylin does: the first row-key dimension is the
 * highest bit, the last one bit 0. The base cuboid has all {@code size()} low bits set. At most 63 dimensions, so
 * cuboid ids are non-negative longs.
 */
public final class CuboidLayout {
    private final List<String> dimensions;
    private final Map<String, Integer> index = new HashMap<>();

    public CuboidLayout(List<String> rowKeyOrder) {
        dimensions = List.copyOf(requireNonNull(rowKeyOrder, "rowKeyOrder is null"));
        if (dimensions.isEmpty() || dimensions.size() > 63) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "a row key has 1 to 63 dimensions, got "
                    + dimensions.size());
        }
        for (int i = 0; i < dimensions.size(); i++) {
            if (index.put(dimensions.get(i).toLowerCase(Locale.ROOT), i) != null) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "dimension '" + dimensions.get(i)
                        + "' is twice in the row key");
            }
        }
    }

    public int size() {
        return dimensions.size();
    }

    /** The dimensions in row-key order. */
    public List<String> dimensions() {
        return dimensions;
    }

    /** The row-key position (0 = first) of a dimension. */
    public int position(String dimension) {
        Integer i = index.get(dimension.toLowerCase(Locale.ROOT));
        if (i == null) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "'" + dimension + "' is not a row-key dimension");
        }
        return i;
    }

    /** The single bit of a dimension. */
    public long bit(String dimension) {
        return 1L << (dimensions.size() - 1 - position(dimension));
    }

    /** The cuboid id of a set of dimensions. */
    public long mask(Collection<String> dims) {
        long m = 0;
        for (String d : dims) {
            m |= bit(d);
        }
        return m;
    }

    public long baseCuboid() {
        return dimensions.size() == 64 ? -1L : (1L << dimensions.size()) - 1;
    }

    /** The dimensions of a cuboid, in row-key order. */
    public List<String> dimensionsOf(long cuboid) {
        List<String> out = new ArrayList<>(Long.bitCount(cuboid));
        for (int i = 0; i < dimensions.size(); i++) {
            if ((cuboid & (1L << (dimensions.size() - 1 - i))) != 0) {
                out.add(dimensions.get(i));
            }
        }
        return out;
    }
}
