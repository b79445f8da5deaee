package io.haechi.model.measure;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.util.Comparator;

/**
 * MIN or MAX of any column type (numbers, strings in code-point order, dates, timestamps, booleans), of the same
 * type. State: the canonical value ({@link Values}), {@code null} before the first non-NULL value. Bytes: nothing for
 * NULL, else the value in {@link MeasureCodecs}' compact form.
 */
final class MinMaxType extends AbstractMeasureType<Object> {
    private final boolean max;
    private final Comparator<Object> order;

    MinMaxType(DataType argumentType, boolean max) {
        super(max ? "MAX" : "MIN", argumentType, argumentType);
        this.max = max;
        this.order = Values.comparator(argumentType);
    }

    @Override
    protected Object initState() {
        return null;
    }

    @Override
    protected Object addValue(Object state, Object raw) {
        return mergeStates(state, Values.coerce(raw, argumentType(), function() + " argument"));
    }

    @Override
    protected Object mergeStates(Object state, Object other) {
        if (state == null) {
            return other;
        }
        if (other == null) {
            return state;
        }
        int c = order.compare(state, other);
        return (max ? c >= 0 : c <= 0) ? state : other;
    }

    @Override
    protected Object copyState(Object state) {
        return state;
    }

    @Override
    protected void write(Object state, ByteWriter out) {
        if (state != null) {
            MeasureCodecs.writeValue(argumentType(), state, out);
        }
    }

    @Override
    protected Object read(byte[] in, int offset, int length) {
        if (length == 0) {
            return null;
        }
        return MeasureCodecs.readValue(argumentType(), MeasureCodecs.reader(this, in, offset, length));
    }

    @Override
    protected Object resultOf(Object state) {
        return state;
    }
}
