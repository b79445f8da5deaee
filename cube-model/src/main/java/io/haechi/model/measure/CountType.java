package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.table.DataType;

/**
 * COUNT(*) (no argument type: every row counts) and COUNT(col) (NULLs skipped), as BIGINT. State: a {@code Long},
 * 0 for no rows. Bytes: an unsigned varint (1 byte below 128).
 */
final class CountType extends AbstractMeasureType<Long> {
    CountType(DataType argumentType) {
        super("COUNT", argumentType, DataType.BIGINT);
    }

    @Override
    public Object add(Object state, Object rawValue) {
        // COUNT(*) counts rows, so its "argument" (whatever the caller passes) may be NULL.
        if (argumentType() == null) {
            return (Long) state + 1;
        }
        return super.add(state, rawValue);
    }

    @Override
    protected Long initState() {
        return 0L;
    }

    @Override
    protected Long addValue(Long state, Object raw) {
        return state + 1;
    }

    @Override
    protected Long mergeStates(Long state, Long other) {
        return state + other;
    }

    @Override
    protected Long copyState(Long state) {
        return state;
    }

    @Override
    protected void write(Long state, ByteWriter out) {
        out.writeVarLong(state);
    }

    @Override
    protected Long read(byte[] in, int offset, int length) {
        ByteReader r = MeasureCodecs.reader(this, in, offset, length);
        long v = r.readVarLong("count");
        r.expectEnd();
        if (v < 0) {
            throw r.corrupt("negative count");
        }
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
