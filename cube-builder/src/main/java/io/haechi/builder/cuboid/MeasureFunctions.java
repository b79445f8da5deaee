package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The measures of a cube in their declared order, split into {@code long} states (kept in primitive arrays) and
 * object states. A fact row carries one raw {@code long} per measure, in declared order.
 */
public final class MeasureFunctions {
    private static final byte SUM = 0;
    private static final byte MIN = 1;
    private static final byte MAX = 2;

    private final List<MeasureFunction> measures;
    private final LongMeasureFunction[] longMeasures;
    private final ObjectMeasureFunction<Object>[] objectMeasures;
    private final int[] longRawIndex;
    private final int[] objectRawIndex;
    private final int[] positions;
    private final byte[] longMerge;
    private final boolean[] longCountsRows;

    @SuppressWarnings("unchecked")
    public MeasureFunctions(List<? extends MeasureFunction> measures) {
        this.measures = List.copyOf(requireNonNull(measures, "measures is null"));
        int longs = 0;
        for (MeasureFunction measure : this.measures) {
            if (measure instanceof LongMeasureFunction) {
                longs++;
            }
        }
        int objects = this.measures.size() - longs;
        longMeasures = new LongMeasureFunction[longs];
        objectMeasures = new ObjectMeasureFunction[objects];
        longRawIndex = new int[longs];
        objectRawIndex = new int[objects];
        positions = new int[this.measures.size()];
        longMerge = new byte[longs];
        longCountsRows = new boolean[longs];
        int nextLong = 0;
        int nextObject = 0;
        for (int i = 0; i < this.measures.size(); i++) {
            MeasureFunction measure = this.measures.get(i);
            if (measure instanceof LongMeasureFunction longMeasure) {
                longMeasures[nextLong] = longMeasure;
                longRawIndex[nextLong] = i;
                longMerge[nextLong] = switch (longMeasure.merge()) {
                    case SUM -> SUM;
                    case MIN -> MIN;
                    case MAX -> MAX;
                };
                longCountsRows[nextLong] = longMeasure.init() == LongMeasureFunction.Init.ONE;
                positions[i] = nextLong++;
            } else {
                objectMeasures[nextObject] = (ObjectMeasureFunction<Object>) measure;
                objectRawIndex[nextObject] = i;
                positions[i] = nextObject++;
            }
        }
    }

    public static MeasureFunctions of(MeasureFunction... measures) {
        return new MeasureFunctions(List.of(measures));
    }

    public List<MeasureFunction> measures() {
        return measures;
    }

    /** Number of measures, i.e. raw values per fact row. */
    public int size() {
        return measures.size();
    }

    public int longCount() {
        return longMeasures.length;
    }

    public int objectCount() {
        return objectMeasures.length;
    }

    /** Whether measure {@code measure} (declared index) keeps a {@code long} state. */
    public boolean isLong(int measure) {
        return measures.get(measure) instanceof LongMeasureFunction;
    }

    /** The index of measure {@code measure} among the long states or among the object states. */
    public int position(int measure) {
        return positions[measure];
    }

    ObjectMeasureFunction<Object> objectMeasure(int position) {
        return objectMeasures[position];
    }

    /** Sets the states of a new entry from a fact row's raw values; returns the object states' heap bytes. */
    long initStates(long[] raw, int rawOffset, long[] longStates, int longOffset, Object[] objectStates,
            int objectOffset) {
        for (int i = 0; i < longMeasures.length; i++) {
            longStates[longOffset + i] = longCountsRows[i] ? 1L : raw[rawOffset + longRawIndex[i]];
        }
        long bytes = 0;
        for (int i = 0; i < objectMeasures.length; i++) {
            Object state = objectMeasures[i].init(raw[rawOffset + objectRawIndex[i]]);
            objectStates[objectOffset + i] = state;
            bytes += objectMeasures[i].sizeInBytes(state);
        }
        return bytes;
    }

    /** Merges a fact row's raw values into existing long states. */
    void mergeRawLongs(long[] raw, int rawOffset, long[] states, int offset) {
        for (int i = 0; i < longMerge.length; i++) {
            long value = longCountsRows[i] ? 1L : raw[rawOffset + longRawIndex[i]];
            states[offset + i] = mergeLong(i, states[offset + i], value);
        }
    }

    /** Merges a fact row's raw values into existing object states; returns the change of their heap bytes. */
    long mergeRawObjects(long[] raw, int rawOffset, Object[] states, int offset) {
        long delta = 0;
        for (int i = 0; i < objectMeasures.length; i++) {
            ObjectMeasureFunction<Object> measure = objectMeasures[i];
            Object target = states[offset + i];
            long before = measure.sizeInBytes(target);
            Object merged = measure.merge(target, measure.init(raw[rawOffset + objectRawIndex[i]]));
            states[offset + i] = merged;
            delta += measure.sizeInBytes(merged) - before;
        }
        return delta;
    }

    /** Merges long states {@code source} into {@code target}. */
    void mergeLongs(long[] target, int targetOffset, long[] source, int sourceOffset) {
        for (int i = 0; i < longMerge.length; i++) {
            target[targetOffset + i] = mergeLong(i, target[targetOffset + i], source[sourceOffset + i]);
        }
    }

    /** Merges object states {@code source} into {@code target}; returns the change of the targets' heap bytes. */
    long mergeObjects(Object[] target, int targetOffset, Object[] source, int sourceOffset, boolean account) {
        long delta = 0;
        for (int i = 0; i < objectMeasures.length; i++) {
            ObjectMeasureFunction<Object> measure = objectMeasures[i];
            Object current = target[targetOffset + i];
            long before = account ? measure.sizeInBytes(current) : 0;
            Object merged = measure.merge(current, source[sourceOffset + i]);
            target[targetOffset + i] = merged;
            if (account) {
                delta += measure.sizeInBytes(merged) - before;
            }
        }
        return delta;
    }

    long sizeInBytes(Object[] states, int offset) {
        long bytes = 0;
        for (int i = 0; i < objectMeasures.length; i++) {
            bytes += objectMeasures[i].sizeInBytes(states[offset + i]);
        }
        return bytes;
    }

    int serializedSize(int position, Object state) {
        return objectMeasures[position].serializedSize(state);
    }

    void serialize(int position, Object state, ByteBuffer out) {
        objectMeasures[position].serialize(state, out);
    }

    Object deserialize(int position, ByteBuffer in, int length) {
        return objectMeasures[position].deserialize(in, length);
    }

    private long mergeLong(int i, long a, long b) {
        switch (longMerge[i]) {
            case SUM:
                long sum = a + b;
                if (((a ^ sum) & (b ^ sum)) < 0) {
                    throw new HaechiException(ErrorCode.BUILD_FAILED, "SUM overflows a 64-bit integer in measure "
                            + longMeasures[i].name() + ": " + a + " + " + b);
                }
                return sum;
            case MIN:
                return Math.min(a, b);
            default:
                return Math.max(a, b);
        }
    }
}
