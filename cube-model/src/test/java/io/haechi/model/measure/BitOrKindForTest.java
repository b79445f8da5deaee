package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.table.DataType;
import java.util.Map;

/**
 * A measure kind defined outside the built-ins and registered only through {@code META-INF/services} (in the test
 * resources): proves a new kind needs no edit of the registry. BIT_OR over BIGINT, a fixed 8-byte state.
 */
public final class BitOrKindForTest implements MeasureKind {
    @Override
    public String function() {
        return "BIT_OR";
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        return new AbstractMeasureType<Long>("BIT_OR", argumentType, DataType.BIGINT) {
            @Override
            protected Long initState() {
                return 0L;
            }

            @Override
            protected Long addValue(Long state, Object raw) {
                return state | ((Number) raw).longValue();
            }

            @Override
            protected Long mergeStates(Long state, Long other) {
                return state | other;
            }

            @Override
            protected Long copyState(Long state) {
                return state;
            }

            @Override
            protected void write(Long state, ByteWriter out) {
                out.writeLong(state);
            }

            @Override
            protected Long read(byte[] in, int offset, int length) {
                return new ByteReader(in, offset, length, "bit_or").readLong("bits");
            }

            @Override
            protected Object resultOf(Long state) {
                return state;
            }

            @Override
            public boolean isFixedSize() {
                return true;
            }

            @Override
            public int maxSerializedSize() {
                return 8;
            }
        };
    }
}
