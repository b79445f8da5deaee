package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.rowkey.RowKeyCodec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;

/**
 * The rollup of one cuboid scan, run by the region servers ({@link HaechiAggregationObserver}) and, for the
 * client-side fallback, by the client. For each row it checks the cuboid id, applies the residual filter (per
 * dimension, the code must fall in one of the ranges), projects the key onto the group-by cuboid ({@code [0, 0]
 * shard, groupBy id, the codes of groupBy's dimensions in row-key order}) and merges the requested measures' states.
 */
public final class CubeRegionAggregator implements RegionAggregator {
    private final CubeScanPayload payload;
    private final CubeMeasures measures;
    private final byte[] cuboidBytes;
    private final int keyLength;
    /** Residual: per filtered dimension, its code offset and width in the key, and its ranges. */
    private final int[] filterOffsets;
    private final int[] filterWidths;
    private final CodeRange[][] filterRanges;
    /** Projection: spans [from, from + length) of the source key copied, in order, after the output header. */
    private final int[] spanFrom;
    private final int[] spanLength;
    private final int groupKeyLength;

    public CubeRegionAggregator(CubeScanPayload payload) {
        this.payload = requireNonNull(payload, "payload is null");
        this.measures = new CubeMeasures(payload.layout(), payload.measures());
        List<Integer> widths = payload.layout().codeWidths();
        int n = widths.size();
        long cuboid = payload.cuboid();
        long groupBy = payload.groupBy();
        this.cuboidBytes = longBytes(cuboid);
        int[] offsets = new int[n];
        int off = RowKeyCodec.HEADER_BYTES;
        int out = RowKeyCodec.HEADER_BYTES;
        int[] from = new int[n];
        int[] length = new int[n];
        int spans = 0;
        for (int d = 0; d < n; d++) {
            long bit = 1L << (n - 1 - d);
            offsets[d] = -1;
            if ((cuboid & bit) != 0) {
                offsets[d] = off;
                if ((groupBy & bit) != 0) {
                    if (spans > 0 && from[spans - 1] + length[spans - 1] == off) {
                        length[spans - 1] += widths.get(d);
                    } else {
                        from[spans] = off;
                        length[spans] = widths.get(d);
                        spans++;
                    }
                    out += widths.get(d);
                }
                off += widths.get(d);
            }
        }
        this.keyLength = off;
        this.groupKeyLength = out;
        this.spanFrom = Arrays.copyOf(from, spans);
        this.spanLength = Arrays.copyOf(length, spans);
        int f = payload.residual().size();
        filterOffsets = new int[f];
        filterWidths = new int[f];
        filterRanges = new CodeRange[f][];
        int i = 0;
        for (Map.Entry<Integer, List<CodeRange>> e : payload.residual().entrySet()) {
            filterOffsets[i] = offsets[e.getKey()];
            filterWidths[i] = widths.get(e.getKey());
            filterRanges[i] = e.getValue().toArray(new CodeRange[0]);
            i++;
        }
    }

    /** The request that runs this rollup on the region servers. */
    public static AggregationRequest request(CubeScanPayload payload) {
        return AggregationRequest.of(Factory.class, payload.toBytes());
    }

    /** Reads the payload of {@link #request}. */
    public static final class Factory implements RegionAggregatorFactory {
        @Override
        public RegionAggregator create(byte[] payload) {
            return new CubeRegionAggregator(CubeScanPayload.fromBytes(payload));
        }
    }

    CubeMeasures measures() {
        return measures;
    }

    @Override
    public boolean accept(byte[] row, int offset, int length) {
        if (length != keyLength || !Arrays.equals(row, offset + RowKeyCodec.SHARD_BYTES,
                offset + RowKeyCodec.HEADER_BYTES, cuboidBytes, 0, cuboidBytes.length)) {
            return false;
        }
        for (int i = 0; i < filterOffsets.length; i++) {
            if (!inAnyRange(row, offset + filterOffsets[i], filterRanges[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean inAnyRange(byte[] row, int at, CodeRange[] ranges) {
        for (CodeRange r : ranges) {
            if (r.contains(row, at)) {
                return true;
            }
        }
        return false;
    }

    /** The group key of an accepted row key. */
    byte[] project(byte[] row, int offset) {
        byte[] key = new byte[groupKeyLength];
        writeLong(key, RowKeyCodec.SHARD_BYTES, payload.groupBy());
        int to = RowKeyCodec.HEADER_BYTES;
        for (int s = 0; s < spanFrom.length; s++) {
            System.arraycopy(row, offset + spanFrom[s], key, to, spanLength[s]);
            to += spanLength[s];
        }
        return key;
    }

    @Override
    public byte[] groupKey(Cell cell) {
        return project(cell.getRowArray(), cell.getRowOffset());
    }

    @Override
    public byte[] value(Cell cell) {
        return measures.encode(measures.read(cell.getValueArray(), cell.getValueOffset(), cell.getValueLength()));
    }

    @Override
    public byte[] merge(byte[] left, byte[] right) {
        return measures.encode(measures.merge(measures.decode(left), measures.decode(right)));
    }

    @Override
    public GroupTable newGroupTable() {
        GroupStates states = new GroupStates(measures, payload.maxGroups(), "one region of cuboid "
                + payload.cuboid());
        return new GroupTable() {
            @Override
            public void add(Cell cell) {
                states.merge(groupKey(cell), measures.read(cell.getValueArray(), cell.getValueOffset(),
                        cell.getValueLength()));
            }

            @Override
            public int size() {
                return states.size();
            }

            @Override
            public List<Map.Entry<byte[], byte[]>> sortedPartials() {
                return states.sortedPartials();
            }
        };
    }

    /** Adds a raw stored row (client-side rollup) if it passes the filter. */
    void addRow(GroupStates states, byte[] row, Cell cell) {
        if (accept(row, 0, row.length)) {
            states.merge(project(row, 0), measures.read(cell.getValueArray(), cell.getValueOffset(),
                    cell.getValueLength()));
        }
    }

    static byte[] longBytes(long v) {
        byte[] b = new byte[8];
        writeLong(b, 0, v);
        return b;
    }

    private static void writeLong(byte[] out, int off, long v) {
        for (int i = 7; i >= 0; i--) {
            out[off + i] = (byte) v;
            v >>>= 8;
        }
    }
}
