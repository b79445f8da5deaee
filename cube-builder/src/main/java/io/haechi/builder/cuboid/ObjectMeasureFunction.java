package io.haechi.builder.cuboid;

import java.nio.ByteBuffer;

/**
 * A measure whose state is an object with a byte codec (an exact distinct-count bitmap, a sketch). The engine spills
 * states with {@link #serialize} and reads them back with {@link #deserialize}; it accounts their memory with
 * {@link #sizeInBytes}.
 *
 * @param <S> the state type
 */
public non-sealed interface ObjectMeasureFunction<S> extends MeasureFunction {
    /** A new state holding one raw value. */
    S init(long raw);

    /** {@code target} merged with {@code other}; may update and return {@code target}, must not change {@code other}. */
    S merge(S target, S other);

    /** Approximate heap bytes the state holds, for the memory budget. */
    long sizeInBytes(S state);

    /** The exact number of bytes {@link #serialize} writes. */
    int serializedSize(S state);

    /** Writes the state at the buffer's position; exactly {@link #serializedSize} bytes. */
    void serialize(S state, ByteBuffer out);

    /** Reads a state of exactly {@code length} bytes at the buffer's position and advances past it. */
    S deserialize(ByteBuffer in, int length);

    /** The state class, so the engine can cast safely. */
    Class<S> stateClass();
}
