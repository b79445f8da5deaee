package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

/**
 * A measure whose state is one {@code long}: the engine keeps it in primitive arrays and merges it with a switch, not
 * a virtual call, in the hot loop. SUM overflows fail the build instead of wrapping.
 */
public record LongMeasureFunction(String name, Init init, Merge merge) implements MeasureFunction {
    /** How a raw value becomes a state. */
    public enum Init {
        /** The state is the raw value. */
        VALUE,
        /** The state is 1, whatever the raw value (COUNT). */
        ONE
    }

    /** How two states combine. */
    public enum Merge {
        SUM,
        MIN,
        MAX
    }

    public LongMeasureFunction {
        requireNonNull(name, "name is null");
        requireNonNull(init, "init is null");
        requireNonNull(merge, "merge is null");
    }

    public static LongMeasureFunction sum(String name) {
        return new LongMeasureFunction(name, Init.VALUE, Merge.SUM);
    }

    public static LongMeasureFunction count(String name) {
        return new LongMeasureFunction(name, Init.ONE, Merge.SUM);
    }

    public static LongMeasureFunction min(String name) {
        return new LongMeasureFunction(name, Init.VALUE, Merge.MIN);
    }

    public static LongMeasureFunction max(String name) {
        return new LongMeasureFunction(name, Init.VALUE, Merge.MAX);
    }

    public long initState(long raw) {
        return init == Init.ONE ? 1L : raw;
    }
}
