package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;

/**
 * SUM of DOUBLE. Floating-point addition is not exactly associative: sums merged in a different order may differ in
 * the last bits. State: a {@code Double}, {@code null} before the first non-NULL value. Bytes: nothing for NULL, else
 * the 8 IEEE bytes.
 */
final class SumDoubleType extends AbstractMeasureType<Double> {
    SumDoubleType(DataType argumentType) {
        super("SUM", argumentType, DataType.DOUBLE);
    }

    @Override
    protected Double initState() {
        return null;
    }

    @Override
    protected Double addValue(Double state, Object raw) {
        double v = raw instanceof Number n ? n.doubleValue()
                : (Double) Values.coerce(raw, argumentType(), "SUM argument");
        return state == null ? v : state + v;
    }

    @Override
    protected Double mergeStates(Double state, Double other) {
        if (state == null) {
            return other;
        }
        return other == null ? state : state + other;
    }

    @Override
    protected Double copyState(Double state) {
        return state;
    }

    @Override
    protected void write(Double state, ByteWriter out) {
        if (state != null) {
            out.writeLong(Double.doubleToRawLongBits(state));
        }
    }

    @Override
    protected Double read(byte[] in, int offset, int length) {
        if (length == 0) {
            return null;
        }
        ByteReader r = MeasureCodecs.reader(this, in, offset, length);
        double v = Double.longBitsToDouble(r.readLong("sum"));
        r.expectEnd();
        return v;
    }

    @Override
    protected Object resultOf(Double state) {
        return state;
    }

    @Override
    public int maxSerializedSize() {
        return 8;
    }
}
