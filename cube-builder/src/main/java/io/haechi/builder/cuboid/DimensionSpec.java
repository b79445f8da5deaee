package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

/**
 * One row-key dimension as the engine sees it: a name for messages and the number of distinct codes it can take.
 * Codes are the order-preserving dictionary (or integer/date) codes in {@code [0, cardinality)}; a code for NULL, if
 * the encoding has one, is one of them.
 */
public record DimensionSpec(String name, int cardinality) {
    public DimensionSpec {
        requireNonNull(name, "name is null");
        if (cardinality < 1) {
            throw new IllegalArgumentException("cardinality of dimension " + name + " must be >= 1: " + cardinality);
        }
    }

    /** Bits a code of this dimension takes in the engine's packed key (at least 1). */
    public int bits() {
        return Math.max(1, 32 - Integer.numberOfLeadingZeros(cardinality - 1));
    }
}
