package io.haechi.model.measure;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.table.DataType;

/**
 * One measure of a cube, bound to its argument type: how it aggregates and how its state is stored. The builder
 * calls {@link #init}, {@link #add} per source row and {@link #merge} when rolling a cuboid up; the store writes
 * {@link #serialize}d states into the cell; region servers and the query server {@link #deserialize} and merge them
 * and finally turn a state into the SQL answer with {@link #result}.
 *
 * <p><b>States.</b> A state is an opaque object owned by its caller. {@link #add} and {@link #merge} may mutate the
 * state passed first and return it, or return a new one: always keep the returned state. {@link #merge} never changes
 * its second argument. Merging is associative and commutative and {@link #init} is its identity, so cuboids,
 * segments and regions may be combined in any grouping and order.
 *
 * <p><b>NULLs</b> follow SQL: a NULL argument is skipped by every kind except COUNT(*); SUM, MIN and MAX of no non-NULL
 * value are NULL, COUNT and COUNT(DISTINCT) are 0.
 *
 * <p><b>Codec.</b> {@link #serialize} appends the state's bytes; {@link #deserialize} reads exactly the bytes of one
 * state (its length comes from the enclosing format, e.g. {@code MeasureRowCodec}). Decoding trusts its input: run it
 * on cells Haechi wrote; corrupt bytes fail with {@code CORRUPT_STORED_DATA} where it is cheap to notice.
 *
 * <p>Implementations are immutable and thread-safe (the states are not).
 */
public interface MeasureType {
    /** The function name, upper case, e.g. {@code SUM}, {@code COUNT_DISTINCT}. */
    String function();

    /** The argument's type, or {@code null} for COUNT(*). */
    DataType argumentType();

    /** The type of {@link #result}. */
    DataType returnType();

    /** The state of no rows. */
    Object init();

    /** Adds one raw argument value (see {@code Values.coerce} for accepted Java types); NULL is skipped. */
    Object add(Object state, Object rawValue);

    /** Combines two states; see the class comment for ownership. */
    Object merge(Object state, Object other);

    /** An independent copy of a state. */
    Object copy(Object state);

    /** Appends the state's bytes. */
    void serialize(Object state, ByteWriter out);

    /** Reads a state from exactly {@code in[offset..offset+length)}. */
    Object deserialize(byte[] in, int offset, int length);

    /** The SQL value of a state, of {@link #returnType()}'s canonical Java type (NULL as {@code null}). */
    Object result(Object state);

    /** Whether every state serialises to exactly {@link #maxSerializedSize()} bytes. */
    default boolean isFixedSize() {
        return false;
    }

    /** The largest serialised state in bytes, or -1 when unbounded. */
    default int maxSerializedSize() {
        return -1;
    }

    /** The state's serialised bytes as a new array. */
    default byte[] toBytes(Object state) {
        ByteWriter w = new ByteWriter(16);
        serialize(state, w);
        return w.toByteArray();
    }

    default Object fromBytes(byte[] bytes) {
        return deserialize(bytes, 0, bytes.length);
    }

    /** The measure as SQL, e.g. {@code SUM(BIGINT) -> BIGINT}. */
    default String describe() {
        return function() + "(" + (argumentType() == null ? "*" : argumentType()) + ") -> " + returnType();
    }
}
