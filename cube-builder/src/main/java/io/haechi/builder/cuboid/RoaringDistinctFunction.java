package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.roaringbitmap.RoaringBitmap;

/**
 * Exact COUNT(DISTINCT) over 32-bit ids (dictionary ids or ints) as a {@link RoaringBitmap}; the count is the
 * bitmap's cardinality. States are only ever built by adding single values and OR-ing, so equal sets serialise to
 * equal bytes. The cube-model measure (64-bit ids) replaces this; the engine needs nothing else from it.
 */
public record RoaringDistinctFunction(String name) implements ObjectMeasureFunction<RoaringBitmap> {
    public RoaringDistinctFunction {
        requireNonNull(name, "name is null");
    }

    @Override
    public RoaringBitmap init(long raw) {
        if (raw < Integer.MIN_VALUE || raw > 0xFFFF_FFFFL) {
            throw new HaechiException(ErrorCode.BUILD_FAILED, "measure " + name + ": value " + raw
                    + " is not a 32-bit id");
        }
        RoaringBitmap bitmap = new RoaringBitmap();
        bitmap.add((int) raw);
        return bitmap;
    }

    @Override
    public RoaringBitmap merge(RoaringBitmap target, RoaringBitmap other) {
        target.or(other);
        return target;
    }

    @Override
    public long sizeInBytes(RoaringBitmap state) {
        return 64 + state.getSizeInBytes();
    }

    @Override
    public int serializedSize(RoaringBitmap state) {
        return state.serializedSizeInBytes();
    }

    @Override
    public void serialize(RoaringBitmap state, ByteBuffer out) {
        ByteBuffer slice = out.slice().order(ByteOrder.LITTLE_ENDIAN);
        state.serialize(slice);
        out.position(out.position() + slice.position());
    }

    @Override
    public RoaringBitmap deserialize(ByteBuffer in, int length) {
        ByteBuffer slice = in.slice().limit(length).order(ByteOrder.LITTLE_ENDIAN);
        RoaringBitmap bitmap = new RoaringBitmap();
        try {
            bitmap.deserialize(slice);
        } catch (IOException e) {
            throw new UncheckedIOException("measure " + name + ": corrupt bitmap", e);
        }
        in.position(in.position() + length);
        return bitmap;
    }

    @Override
    public Class<RoaringBitmap> stateClass() {
        return RoaringBitmap.class;
    }
}
