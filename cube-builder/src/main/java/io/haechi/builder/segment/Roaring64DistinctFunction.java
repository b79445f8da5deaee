package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.ObjectMeasureFunction;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.measure.MeasureType;
import java.nio.ByteBuffer;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * Exact COUNT(DISTINCT) over 64-bit ids for the cuboid engine (the engine's own {@code RoaringDistinctFunction} is
 * 32-bit). The state is a {@link DistinctLongs}: a sorted array for small groups, a {@link Roaring64Bitmap}
 * past {@link DistinctLongs#SMALL} ids. {@link #cell} writes exactly the bytes cube-model's COUNT_DISTINCT 64 measure
 * type writes for the same set (its gap format for small sets, where gaps are always the smaller of its two formats;
 * the type's own writer otherwise), so {@link MeasureType#deserialize} reads the stored cell. The raw value
 * {@link #NULL_ID} stands for a NULL argument (an empty set).
 *
 * <p>Spill format: a tag byte 0, the count (int) and the ids (longs) for a small state; a tag byte 1 and the measure
 * type's bytes for a large one.
 */
public final class Roaring64DistinctFunction implements ObjectMeasureFunction<DistinctLongs> {
    /** The raw value of a NULL argument. */
    public static final long NULL_ID = Long.MIN_VALUE;

    private final String name;
    private final MeasureType type;

    /** @param type the cube-model COUNT_DISTINCT measure over a BIGINT or TIMESTAMP column */
    public Roaring64DistinctFunction(String name, MeasureType type) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        if (!(type.init() instanceof Roaring64Bitmap)) {
            throw new IllegalArgumentException(type.describe() + " does not keep a Roaring64Bitmap");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public DistinctLongs init(long raw) {
        return raw == NULL_ID ? DistinctLongs.empty() : DistinctLongs.of(raw);
    }

    @Override
    public DistinctLongs merge(DistinctLongs target, DistinctLongs other) {
        return target.merge(other);
    }

    @Override
    public long sizeInBytes(DistinctLongs state) {
        return state.sizeInBytes();
    }

    @Override
    public int serializedSize(DistinctLongs state) {
        return state.isSmall() ? 5 + 8 * state.smallSize() : 1 + type.toBytes(state.toRoaring()).length;
    }

    @Override
    public void serialize(DistinctLongs state, ByteBuffer out) {
        if (state.isSmall()) {
            out.put((byte) 0).putInt(state.smallSize());
            long[] ids = state.smallIds();
            for (int i = 0; i < state.smallSize(); i++) {
                out.putLong(ids[i]);
            }
        } else {
            out.put((byte) 1).put(type.toBytes(state.toRoaring()));
        }
    }

    @Override
    public DistinctLongs deserialize(ByteBuffer in, int length) {
        byte tag = in.get();
        if (tag == 0) {
            int n = in.getInt();
            DistinctLongs d = DistinctLongs.empty();
            for (int i = 0; i < n; i++) {
                d.merge(DistinctLongs.of(in.getLong()));
            }
            return d;
        }
        byte[] b = new byte[length - 1];
        in.get(b);
        return DistinctLongs.of((Roaring64Bitmap) type.fromBytes(b));
    }

    @Override
    public Class<DistinctLongs> stateClass() {
        return DistinctLongs.class;
    }

    /** The stored bytes of a state: what {@code type.serialize} writes for the same set. */
    public byte[] cell(DistinctLongs state) {
        if (state.isSmall()) {
            ByteWriter w = new ByteWriter(16 + 10 * state.smallSize());
            state.writeGaps(w);
            return w.toByteArray();
        }
        return type.toBytes(state.toRoaring());
    }
}
