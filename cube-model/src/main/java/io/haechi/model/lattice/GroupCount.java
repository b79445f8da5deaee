package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * The cuboid count of one aggregation group.
 *
 * @param group the group's index in the cube
 * @param cuboids how many cuboids its rules allow
 * @param shape e.g. "11 dimensions: 0 mandatory, 4 hierarchies, ..."
 * @param overCap whether the count exceeds the cap
 */
public record GroupCount(int group, BigInteger cuboids, String shape, boolean overCap) {
    public GroupCount {
        requireNonNull(cuboids, "cuboids is null");
        requireNonNull(shape, "shape is null");
    }
}
