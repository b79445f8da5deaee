package io.haechi.storage.hbase;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.measure.MeasureContext;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.spi.ScanLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * The requested measures of a scan: reads their states out of a stored cell (skipping the others' bytes), merges
 * states, and encodes the output cell, which is a {@link MeasureRowCodec} cell of the requested measures in request
 * order. Immutable and thread-safe.
 */
final class CubeMeasures {
    private final MeasureType[] stored;
    private final int[] requested;
    /** For each stored measure index, its position in the output, or -1. */
    private final int[] outputPosition;
    private final int lastNeeded;
    private final MeasureType[] output;
    private final MeasureRowCodec outputCodec;

    CubeMeasures(ScanLayout layout, List<Integer> measures) {
        stored = new MeasureType[layout.measures().size()];
        for (int i = 0; i < stored.length; i++) {
            ScanLayout.MeasureSpec spec = layout.measures().get(i);
            stored[i] = MeasureTypes.create(spec.function(), spec.argumentType(), spec.params(), MeasureContext.NONE);
        }
        requested = measures.stream().mapToInt(Integer::intValue).toArray();
        outputPosition = new int[stored.length];
        java.util.Arrays.fill(outputPosition, -1);
        int last = -1;
        List<MeasureType> out = new ArrayList<>();
        for (int p = 0; p < requested.length; p++) {
            if (outputPosition[requested[p]] >= 0) {
                throw new IllegalArgumentException("measure " + requested[p] + " is requested twice");
            }
            outputPosition[requested[p]] = p;
            last = Math.max(last, requested[p]);
            out.add(stored[requested[p]]);
        }
        lastNeeded = last;
        output = out.toArray(new MeasureType[0]);
        outputCodec = new MeasureRowCodec(out);
    }

    int count() {
        return output.length;
    }

    /** The states of the requested measures in a stored cell, in request order. */
    Object[] read(byte[] cell, int offset, int length) {
        Object[] states = new Object[output.length];
        ByteReader r = new ByteReader(cell, offset, length, "measure cell");
        for (int i = 0; i <= lastNeeded; i++) {
            MeasureType m = stored[i];
            int n = m.isFixedSize() ? m.maxSerializedSize() : r.readVarIntNonNegative("measure state length");
            if (outputPosition[i] >= 0) {
                if (n > r.remaining()) {
                    throw r.corrupt("state of measure " + i + " needs " + n + " bytes, " + r.remaining() + " left");
                }
                states[outputPosition[i]] = m.deserialize(cell, r.position(), n);
            }
            r.skip(n, "measure state");
        }
        return states;
    }

    /** Merges {@code other} into {@code into} (request order both); returns {@code into}. */
    Object[] merge(Object[] into, Object[] other) {
        for (int p = 0; p < output.length; p++) {
            into[p] = output[p].merge(into[p], other[p]);
        }
        return into;
    }

    /** The output cell of merged states. */
    byte[] encode(Object[] states) {
        return outputCodec.encode(states);
    }

    /** The states of an output cell. */
    Object[] decode(byte[] outputCell) {
        return outputCodec.decode(outputCell);
    }

    /** The requested measure types, in request order. */
    List<MeasureType> outputTypes() {
        return outputCodec.measures();
    }
}
