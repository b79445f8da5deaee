package io.haechi.model.measure;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.GlobalDictionary;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact COUNT(DISTINCT) with a 32-bit {@link RoaringBitmap}, as BIGINT. SMALLINT, INT and BOOLEAN values and DATE
 * days are added directly; every other type (VARCHAR, DECIMAL, DOUBLE, ...) goes through the column's
 * {@link GlobalDictionary}, whose ids are stable across segments, so bitmaps of different segments merge exactly.
 * Building such a measure needs the dictionary in the {@link MeasureContext}; merging and answering do not.
 *
 * <p>Bytes: the standard portable Roaring format (run-optimised), readable by every Roaring implementation.
 */
final class CountDistinctBitmapType extends AbstractMeasureType<RoaringBitmap> {
    private final GlobalDictionary dictionary;
    private final boolean direct;

    CountDistinctBitmapType(DataType argumentType, GlobalDictionary dictionary) {
        super("COUNT_DISTINCT", argumentType, DataType.BIGINT);
        this.direct = isDirect(argumentType);
        this.dictionary = dictionary;
        if (!direct && dictionary != null && !dictionary.type().equals(argumentType)) {
            throw new IllegalArgumentException("global dictionary of " + dictionary.type() + " for a " + argumentType);
        }
    }

    static boolean isDirect(DataType type) {
        return switch (type.name()) {
            case SMALLINT, INT, BOOLEAN, DATE -> true;
            default -> false;
        };
    }

    @Override
    protected RoaringBitmap initState() {
        return new RoaringBitmap();
    }

    @Override
    protected RoaringBitmap addValue(RoaringBitmap state, Object raw) {
        state.add(idOf(raw));
        return state;
    }

    private int idOf(Object raw) {
        if (direct) {
            Object v = raw instanceof Integer ? raw : Values.coerce(raw, argumentType(), "COUNT_DISTINCT argument");
            return switch (argumentType().name()) {
                case BOOLEAN -> (Boolean) v ? 1 : 0;
                case DATE -> Math.toIntExact(((LocalDate) v).toEpochDay());
                default -> ((Number) v).intValue();
            };
        }
        if (dictionary == null) {
            throw new IllegalStateException(describe() + " needs the column's global dictionary to add values");
        }
        return dictionary.getOrAdd(raw);
    }

    @Override
    protected RoaringBitmap mergeStates(RoaringBitmap state, RoaringBitmap other) {
        state.or(other);
        return state;
    }

    @Override
    protected RoaringBitmap copyState(RoaringBitmap state) {
        return state.clone();
    }

    @Override
    protected void write(RoaringBitmap state, ByteWriter out) {
        state.runOptimize();
        byte[] b = new byte[state.serializedSizeInBytes()];
        state.serialize(ByteBuffer.wrap(b));
        out.writeBytes(b);
    }

    @Override
    protected RoaringBitmap read(byte[] in, int offset, int length) {
        RoaringBitmap r = new RoaringBitmap();
        try {
            r.deserialize(ByteBuffer.wrap(in, offset, length).slice());
        } catch (IOException | RuntimeException e) {
            throw MeasureCodecs.corrupt(this, "not a Roaring bitmap (" + e + ")");
        }
        if (r.serializedSizeInBytes() != length) {
            throw MeasureCodecs.corrupt(this, "a bitmap of " + r.serializedSizeInBytes() + " bytes in " + length);
        }
        return r;
    }

    @Override
    protected Object resultOf(RoaringBitmap state) {
        return state.getLongCardinality();
    }
}
