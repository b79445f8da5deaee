package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;

/**
 * SUM of SMALLINT/INT/BIGINT as BIGINT. Overflow past the BIGINT range is an error ({@code NUMERIC_OVERFLOW}), never a
 * wrapped sum. State: a {@code Long}, {@code null} before the first non-NULL value. Bytes: nothing for NULL, else a
 * zig-zag varint (1-10 bytes).
 */
final class SumLongType extends AbstractMeasureType<Long> {
    SumLongType(DataType argumentType) {
        super("SUM", argumentType, DataType.BIGINT);
    }

    @Override
    protected Long initState() {
        return null;
    }

    @Override
    protected Long addValue(Long state, Object raw) {
        long v = raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte
                ? ((Number) raw).longValue()
                : ((Number) Values.coerce(raw, argumentType(), "SUM argument")).longValue();
        return state == null ? v : plus(state, v);
    }

    @Override
    protected Long mergeStates(Long state, Long other) {
        if (state == null) {
            return other;
        }
        return other == null ? state : plus(state, other);
    }

    private Long plus(long a, long b) {
        try {
            return Math.addExact(a, b);
        } catch (ArithmeticException e) {
            throw new HaechiException(ErrorCode.NUMERIC_OVERFLOW, describe() + " overflowed: " + a + " + " + b
                    + " is outside BIGINT [" + Long.MIN_VALUE + ", " + Long.MAX_VALUE
                    + "]; sum a DECIMAL(38,0) expression instead");
        }
    }

    @Override
    protected Long copyState(Long state) {
        return state;
    }

    @Override
    protected void write(Long state, ByteWriter out) {
        if (state != null) {
            out.writeSignedVarLong(state);
        }
    }

    @Override
    protected Long read(byte[] in, int offset, int length) {
        if (length == 0) {
            return null;
        }
        ByteReader r = MeasureCodecs.reader(this, in, offset, length);
        long v = r.readSignedVarLong("sum");
        r.expectEnd();
        return v;
    }

    @Override
    protected Object resultOf(Long state) {
        return state;
    }

    @Override
    public int maxSerializedSize() {
        return 10;
    }
}
