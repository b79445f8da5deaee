package io.haechi.model.measure;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * SUM of DECIMAL(p,s) as DECIMAL(38,s). More than 38 digits is an error ({@code NUMERIC_OVERFLOW}). State: a
 * {@code BigDecimal} of scale s, {@code null} before the first non-NULL value. Bytes: nothing for NULL, else the
 * unscaled value's minimal two's-complement bytes (1-16).
 */
final class SumDecimalType extends AbstractMeasureType<BigDecimal> {
    static final int MAX_PRECISION = 38;

    SumDecimalType(DataType argumentType) {
        super("SUM", argumentType, DataType.decimal(MAX_PRECISION, argumentType.scale()));
    }

    @Override
    protected BigDecimal initState() {
        return null;
    }

    @Override
    protected BigDecimal addValue(BigDecimal state, Object raw) {
        BigDecimal v = (BigDecimal) Values.coerce(raw, argumentType(), "SUM argument");
        return state == null ? v : plus(state, v);
    }

    @Override
    protected BigDecimal mergeStates(BigDecimal state, BigDecimal other) {
        if (state == null) {
            return other;
        }
        return other == null ? state : plus(state, other);
    }

    private BigDecimal plus(BigDecimal a, BigDecimal b) {
        BigDecimal s = a.add(b);
        if (s.precision() > MAX_PRECISION && s.signum() != 0) {
            throw new HaechiException(ErrorCode.NUMERIC_OVERFLOW, describe() + " overflowed: " + a + " + " + b
                    + " has more than " + MAX_PRECISION + " digits");
        }
        return s;
    }

    @Override
    protected BigDecimal copyState(BigDecimal state) {
        return state;
    }

    @Override
    protected void write(BigDecimal state, ByteWriter out) {
        if (state != null) {
            out.writeBytes(state.setScale(returnType().scale()).unscaledValue().toByteArray());
        }
    }

    @Override
    protected BigDecimal read(byte[] in, int offset, int length) {
        if (length == 0) {
            return null;
        }
        if (length > 16) {
            throw MeasureCodecs.corrupt(this, length + " bytes for a DECIMAL(38) sum");
        }
        return new BigDecimal(new BigInteger(in, offset, length), returnType().scale());
    }

    @Override
    protected Object resultOf(BigDecimal state) {
        return state;
    }

    @Override
    public int maxSerializedSize() {
        return 16;
    }
}
