package io.haechi.builder.cuboid;

/**
 * One aggregated row of a cuboid as the sink sees it: a flyweight that the engine reuses, valid only during
 * {@link CuboidWriter#append}. Its dimensions are the cuboid's, in row-key order.
 */
public interface CuboidRow {
    /** Number of dimensions of the cuboid. */
    int dimensionCount();

    /** The code of the cuboid's {@code position}-th dimension (0 = first in row-key order). */
    int code(int position);

    /** The long state of measure {@code measure} (declared index; the measure must be a {@link LongMeasureFunction}). */
    long longState(int measure);

    /** The state of measure {@code measure} (declared index; an {@link ObjectMeasureFunction}); do not keep or change it. */
    Object objectState(int measure);
}
