package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.ObjectMeasureFunction;
import io.haechi.model.measure.MeasureType;
import java.nio.ByteBuffer;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * Exact COUNT(DISTINCT) over 64-bit ids for the cuboid engine: the state is cube-model's COUNT_DISTINCT 64 state
 * (a {@link Roaring64NavigableMap}) and spills in that measure type's own bytes, so the stored cell is exactly what
 * {@link MeasureType#deserialize} reads. The raw value {@link #NULL_ID} stands for a NULL argument (an empty set);
 * the flat-table stage refuses that id as a real value.
 */
public final class Roaring64DistinctFunction implements ObjectMeasureFunction<Roaring64NavigableMap> {
    /** The raw value of a NULL argument. */
    public static final long NULL_ID = Long.MIN_VALUE;

    private final String name;
    private final MeasureType type;
    private final ThreadLocal<Cached> lastSerialized = new ThreadLocal<>();

    private record Cached(Roaring64NavigableMap state, byte[] bytes) {
    }

    /** @param type the cube-model COUNT_DISTINCT measure over a BIGINT or TIMESTAMP column */
    public Roaring64DistinctFunction(String name, MeasureType type) {
        this.name = requireNonNull(name, "name is null");
        this.type = requireNonNull(type, "type is null");
        if (!(type.init() instanceof Roaring64NavigableMap)) {
            throw new IllegalArgumentException(type.describe() + " does not keep a Roaring64NavigableMap");
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Roaring64NavigableMap init(long raw) {
        Roaring64NavigableMap m = new Roaring64NavigableMap();
        if (raw != NULL_ID) {
            m.addLong(raw);
        }
        return m;
    }

    @Override
    public Roaring64NavigableMap merge(Roaring64NavigableMap target, Roaring64NavigableMap other) {
        target.or(other);
        return target;
    }

    @Override
    public long sizeInBytes(Roaring64NavigableMap state) {
        return 96 + state.getLongSizeInBytes();
    }

    @Override
    public int serializedSize(Roaring64NavigableMap state) {
        return bytes(state).length;
    }

    @Override
    public void serialize(Roaring64NavigableMap state, ByteBuffer out) {
        out.put(bytes(state));
        lastSerialized.remove();
    }

    private byte[] bytes(Roaring64NavigableMap state) {
        Cached c = lastSerialized.get();
        if (c != null && c.state == state) {
            return c.bytes;
        }
        byte[] b = type.toBytes(state);
        lastSerialized.set(new Cached(state, b));
        return b;
    }

    @Override
    public Roaring64NavigableMap deserialize(ByteBuffer in, int length) {
        byte[] b = new byte[length];
        in.get(b);
        return (Roaring64NavigableMap) type.fromBytes(b);
    }

    @Override
    public Class<Roaring64NavigableMap> stateClass() {
        return Roaring64NavigableMap.class;
    }
}
