package io.haechi.builder.cuboid;

/**
 * Cuboid ids as Kylin writes them: a bitmask over the N row-key dimensions in which the first row-key dimension is
 * the highest bit ({@code 1L << (N - 1)}) and the last one is bit 0. The base cuboid has all N bits set.
 */
public final class CuboidIds {
    /** Kylin's limit: a row key holds at most 63 dimensions, so that every cuboid id is a positive long. */
    public static final int MAX_DIMENSIONS = 63;

    private CuboidIds() {
    }

    /** The base cuboid of {@code dimensionCount} row-key dimensions. */
    public static long base(int dimensionCount) {
        checkDimensionCount(dimensionCount);
        return (1L << dimensionCount) - 1;
    }

    /** The bit of row-key dimension {@code dimension} (0 = first in row-key order). */
    public static long bit(int dimensionCount, int dimension) {
        checkDimensionCount(dimensionCount);
        if (dimension < 0 || dimension >= dimensionCount) {
            throw new IllegalArgumentException("dimension " + dimension + " is outside [0, " + dimensionCount + ")");
        }
        return 1L << (dimensionCount - 1 - dimension);
    }

    /** The cuboid of the given row-key dimensions (indexes in row-key order). */
    public static long of(int dimensionCount, int... dimensions) {
        long id = 0;
        for (int dimension : dimensions) {
            id |= bit(dimensionCount, dimension);
        }
        return id;
    }

    /** The row-key dimension indexes of {@code cuboid}, ascending (row-key order). */
    public static int[] dimensions(int dimensionCount, long cuboid) {
        checkDimensionCount(dimensionCount);
        int[] result = new int[Long.bitCount(cuboid)];
        int next = 0;
        for (int dimension = 0; dimension < dimensionCount; dimension++) {
            if ((cuboid & (1L << (dimensionCount - 1 - dimension))) != 0) {
                result[next++] = dimension;
            }
        }
        return result;
    }

    /** Whether {@code parent} has every dimension of {@code child} (a cuboid contains itself). */
    public static boolean contains(long parent, long child) {
        return (child & ~parent) == 0;
    }

    private static void checkDimensionCount(int dimensionCount) {
        if (dimensionCount < 1 || dimensionCount > MAX_DIMENSIONS) {
            throw new IllegalArgumentException(
                    "dimensionCount " + dimensionCount + " is outside [1, " + MAX_DIMENSIONS + "]");
        }
    }
}
