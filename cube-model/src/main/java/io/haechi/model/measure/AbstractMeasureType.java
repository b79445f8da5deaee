package io.haechi.model.measure;

import static java.util.Objects.requireNonNull;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.table.DataType;

/** A {@link MeasureType} with a typed state {@code S}: implementations write typed methods, callers see Objects. */
public abstract class AbstractMeasureType<S> implements MeasureType {
    private final String function;
    private final DataType argumentType;
    private final DataType returnType;

    protected AbstractMeasureType(String function, DataType argumentType, DataType returnType) {
        this.function = requireNonNull(function, "function is null");
        this.argumentType = argumentType;
        this.returnType = requireNonNull(returnType, "returnType is null");
    }

    @Override
    public final String function() {
        return function;
    }

    @Override
    public final DataType argumentType() {
        return argumentType;
    }

    @Override
    public final DataType returnType() {
        return returnType;
    }

    protected abstract S initState();

    /** Adds a non-null raw value. */
    protected abstract S addValue(S state, Object rawValue);

    protected abstract S mergeStates(S state, S other);

    protected abstract S copyState(S state);

    protected abstract void write(S state, ByteWriter out);

    protected abstract S read(byte[] in, int offset, int length);

    protected abstract Object resultOf(S state);

    @Override
    public final Object init() {
        return initState();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Object add(Object state, Object rawValue) {
        return rawValue == null ? state : addValue((S) state, rawValue);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Object merge(Object state, Object other) {
        return mergeStates((S) state, (S) other);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Object copy(Object state) {
        return copyState((S) state);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final void serialize(Object state, ByteWriter out) {
        write((S) state, out);
    }

    @Override
    public final Object deserialize(byte[] in, int offset, int length) {
        if (offset < 0 || length < 0 || offset + length > in.length) {
            throw MeasureCodecs.corrupt(this, "state range " + offset + "+" + length + " outside " + in.length
                    + " bytes");
        }
        return read(in, offset, length);
    }

    @Override
    @SuppressWarnings("unchecked")
    public final Object result(Object state) {
        return resultOf((S) state);
    }

    @Override
    public String toString() {
        return describe();
    }
}
