package io.haechi.model.rowkey;

import static java.util.Objects.requireNonNull;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.measure.MeasureType;
import java.util.List;

/**
 * The cell value of a row: the states of the cube's measures, in the cube's measure order, concatenated. A
 * fixed-size state ({@link MeasureType#isFixedSize()}) is written as is; every other state is preceded by its
 * length as an unsigned varint (1 byte up to 127). The cell has no header: the cube's storage format version lives
 * in the segment metadata, so there is nothing per cell to pay for it.
 *
 * <p>Immutable and thread-safe.
 */
public final class MeasureRowCodec {
    private final List<MeasureType> measures;

    public MeasureRowCodec(List<MeasureType> measures) {
        this.measures = List.copyOf(requireNonNull(measures, "measures is null"));
    }

    public List<MeasureType> measures() {
        return measures;
    }

    public byte[] encode(Object[] states) {
        ByteWriter w = new ByteWriter(32);
        encode(states, w);
        return w.toByteArray();
    }

    /** Appends the cell of {@code states} (one per measure) to {@code out}. */
    public void encode(Object[] states, ByteWriter out) {
        if (states.length != measures.size()) {
            throw new IllegalArgumentException(states.length + " states for " + measures.size() + " measures");
        }
        ByteWriter scratch = new ByteWriter(32);
        for (int i = 0; i < states.length; i++) {
            MeasureType m = measures.get(i);
            if (m.isFixedSize()) {
                int before = out.size();
                m.serialize(states[i], out);
                if (out.size() - before != m.maxSerializedSize()) {
                    throw new IllegalStateException(m.describe() + " wrote " + (out.size() - before)
                            + " bytes, declared fixed size " + m.maxSerializedSize());
                }
            } else {
                scratch.reset();
                m.serialize(states[i], scratch);
                out.writeVarInt(scratch.size()).writeBytes(scratch.array(), 0, scratch.size());
            }
        }
    }

    public Object[] decode(byte[] cell) {
        return decode(cell, 0, cell.length);
    }

    /** The states of a cell at {@code cell[offset..offset+length)}. */
    public Object[] decode(byte[] cell, int offset, int length) {
        ByteReader r = new ByteReader(cell, offset, length, "measure cell");
        Object[] out = new Object[measures.size()];
        for (int i = 0; i < out.length; i++) {
            int n = stateLength(r, i);
            out[i] = measures.get(i).deserialize(cell, r.position(), n);
            r.skip(n, "measure state");
        }
        r.expectEnd();
        return out;
    }

    /** The state of measure {@code index} alone, skipping the others' bytes without decoding them. */
    public Object decodeOne(byte[] cell, int index) {
        if (index < 0 || index >= measures.size()) {
            throw new IllegalArgumentException("measure index " + index + " outside 0.." + (measures.size() - 1));
        }
        ByteReader r = new ByteReader(cell, "measure cell");
        for (int i = 0; i < index; i++) {
            r.skip(stateLength(r, i), "measure state");
        }
        int n = stateLength(r, index);
        if (r.remaining() < n) {
            throw r.corrupt("state of measure " + index + " needs " + n + " bytes, " + r.remaining() + " left");
        }
        return measures.get(index).deserialize(cell, r.position(), n);
    }

    private int stateLength(ByteReader r, int i) {
        MeasureType m = measures.get(i);
        int n = m.isFixedSize() ? m.maxSerializedSize() : r.readVarIntNonNegative("measure state length");
        if (n > r.remaining()) {
            throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, "measure cell is corrupt: state of measure "
                    + i + " (" + m.describe() + ") needs " + n + " bytes, " + r.remaining() + " left");
        }
        return n;
    }
}
