package io.haechi.builder.cuboid;

/**
 * How the engine aggregates one measure. Every fact row carries one raw {@code long} per measure (a column value,
 * an expression's value, or a dictionary id for distinct counts); {@code init} turns it into a state and
 * {@code merge} combines two states. Merges must be commutative and associative: the engine merges in an order
 * that depends on the memory budget and the thread count, and its output is identical for all of them only then.
 *
 * <p>Two shapes: {@link LongMeasureFunction}, a state that is one {@code long} (SUM, COUNT, MIN, MAX: kept in
 * primitive arrays, no object per row), and {@link ObjectMeasureFunction}, any other state with a byte codec.
 */
public sealed interface MeasureFunction permits LongMeasureFunction, ObjectMeasureFunction {
    /** The measure's name, for messages. */
    String name();
}
