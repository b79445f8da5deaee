package io.haechi.model.rowkey;

import static java.util.Objects.requireNonNull;

/**
 * A decoded row key.
 *
 * @param shard the shard prefix
 * @param cuboid the cuboid id
 * @param dimensions the row-key indexes of the cuboid's dimensions, ascending
 * @param codes their codes, in the same order
 */
public record RowKey(int shard, long cuboid, int[] dimensions, byte[][] codes) {
    public RowKey {
        requireNonNull(dimensions, "dimensions is null");
        requireNonNull(codes, "codes is null");
        if (dimensions.length != codes.length) {
            throw new IllegalArgumentException(dimensions.length + " dimensions, " + codes.length + " codes");
        }
    }
}
