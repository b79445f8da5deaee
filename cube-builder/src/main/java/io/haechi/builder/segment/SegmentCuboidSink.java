package io.haechi.builder.segment;

import io.haechi.model.segment.DimensionCodes;
import io.haechi.model.segment.SegmentDictionaries;
import static java.util.Objects.requireNonNull;

import io.haechi.builder.cuboid.CuboidRow;
import io.haechi.builder.cuboid.CuboidSink;
import io.haechi.builder.cuboid.CuboidStats;
import io.haechi.builder.cuboid.CuboidWriter;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.SegmentWriter;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Turns the engine's cuboid rows into store rows: dense codes become the encodings' byte codes and the row key
 * ({@link RowKeyCodec#encode}, shard prefix first); the engine's states become the bytes of the cube-model states
 * in the cell layout of {@code MeasureRowCodec}. Each cuboid goes to its own {@link SegmentWriter.CuboidRowWriter}.
 *
 * <p>Order: the engine emits a cuboid's rows ascending by dense codes in row-key order, and dense codes sort like
 * the byte codes ({@link DimensionCodes}), so within one shard the keys ascend; rows of different shards interleave,
 * which the store's writer handles by keeping one sorted file per (cuboid, shard).
 */
public final class SegmentCuboidSink implements CuboidSink {
    private final SegmentWriter writer;
    private final RowKeyCodec keys;
    private final byte[][][] codeBytes;
    private final List<MeasureAdapter> measures;
    private final int[] slots;
    private final Object[][] measureValues;
    private final ConcurrentHashMap<Long, Long> rowsPerCuboid = new ConcurrentHashMap<>();
    private final AtomicLong keyBytes = new AtomicLong();
    private final AtomicLong cellBytes = new AtomicLong();

    public SegmentCuboidSink(SegmentWriter writer, RowKeyCodec keys, SegmentDictionaries dictionaries,
            List<MeasureAdapter> measures) {
        this.writer = requireNonNull(writer, "writer is null");
        this.keys = requireNonNull(keys, "keys is null");
        this.measures = List.copyOf(measures);
        List<DimensionCodes> dims = dictionaries.dimensions();
        this.codeBytes = new byte[dims.size()][][];
        for (int d = 0; d < dims.size(); d++) {
            codeBytes[d] = dims.get(d).codeBytes();
        }
        this.slots = new int[this.measures.size()];
        this.measureValues = new Object[this.measures.size()][];
        int slot = 0;
        for (int m = 0; m < this.measures.size(); m++) {
            slots[m] = slot;
            slot += this.measures.get(m).functions().size();
            OrderedDictionary dict = dictionaries.measureDictionary(m);
            if (dict != null) {
                Object[] values = new Object[dict.size()];
                for (int i = 0; i < values.length; i++) {
                    values[i] = dict.valueOf(i);
                }
                measureValues[m] = values;
            }
        }
    }

    @Override
    public CuboidWriter open(long cuboid, int[] dimensions) {
        SegmentWriter.CuboidRowWriter out = writer.openCuboid(cuboid);
        byte[][] codes = new byte[dimensions.length][];
        int measureCount = measures.size();
        ByteWriter cell = new ByteWriter(64);
        ByteWriter state = new ByteWriter(64);
        return new CuboidWriter() {
            private long rows;
            private long keyTotal;
            private long cellTotal;

            @Override
            public void append(CuboidRow row) {
                for (int i = 0; i < dimensions.length; i++) {
                    codes[i] = codeBytes[dimensions[i]][row.code(i)];
                }
                byte[] key = keys.encode(cuboid, codes);
                // The cell as MeasureRowCodec lays it out: fixed-size states as is, others after a varint length.
                cell.reset();
                for (int m = 0; m < measureCount; m++) {
                    MeasureAdapter a = measures.get(m);
                    if (a.type().isFixedSize()) {
                        a.writeState(row, slots[m], measureValues[m], cell);
                    } else {
                        state.reset();
                        a.writeState(row, slots[m], measureValues[m], state);
                        cell.writeVarInt(state.size()).writeBytes(state.array(), 0, state.size());
                    }
                }
                byte[] value = cell.toByteArray();
                out.append(key, value);
                rows++;
                keyTotal += key.length;
                cellTotal += value.length;
            }

            @Override
            public void finish(CuboidStats stats) {
                out.finish();
                rowsPerCuboid.put(cuboid, rows);
                keyBytes.addAndGet(keyTotal);
                cellBytes.addAndGet(cellTotal);
            }

            @Override
            public void abort() {
                // The segment writer is aborted (or the segment dropped) as a whole.
            }
        };
    }

    /** Rows written per finished cuboid. */
    public java.util.Map<Long, Long> rowsPerCuboid() {
        return java.util.Map.copyOf(rowsPerCuboid);
    }

    /** Key plus cell bytes of the rows written (before the store's own format). */
    public long rowBytes() {
        return keyBytes.get() + cellBytes.get();
    }
}
