package io.haechi.storage.hbase;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * A simple built-in aggregation: group by the row-key bytes {@code [groupOffset, groupOffset + groupLength)}, keep only
 * rows whose bytes at {@code filterOffset} equal {@code filterValue} (no filter when it is empty), and sum the cells'
 * 8-byte big-endian long values. Used by tests and as the reference for real measure aggregators.
 */
public final class LongSumAggregator implements RegionAggregator {
    private final int groupOffset;
    private final int groupLength;
    private final int filterOffset;
    private final byte[] filterValue;

    public LongSumAggregator(int groupOffset, int groupLength, int filterOffset, byte[] filterValue) {
        if (groupOffset < 0 || groupLength < 0 || filterOffset < 0) {
            throw new IllegalArgumentException("offsets and length must be non-negative: groupOffset " + groupOffset
                    + ", groupLength " + groupLength + ", filterOffset " + filterOffset);
        }
        this.groupOffset = groupOffset;
        this.groupLength = groupLength;
        this.filterOffset = filterOffset;
        this.filterValue = filterValue.clone();
    }

    /** The request that runs this aggregation on the region servers. */
    public static AggregationRequest request(int groupOffset, int groupLength, int filterOffset, byte[] filterValue) {
        byte[] payload = ByteBuffer.allocate(12 + filterValue.length)
                .putInt(groupOffset).putInt(groupLength).putInt(filterOffset).put(filterValue).array();
        return AggregationRequest.of(Factory.class, payload);
    }

    /** Reads the payload of {@link #request}. */
    public static final class Factory implements RegionAggregatorFactory {
        @Override
        public RegionAggregator create(byte[] payload) {
            if (payload.length < 12) {
                throw new IllegalArgumentException("LongSumAggregator payload has " + payload.length
                        + " bytes, expected at least 12");
            }
            ByteBuffer buffer = ByteBuffer.wrap(payload);
            return new LongSumAggregator(buffer.getInt(), buffer.getInt(), buffer.getInt(),
                    Arrays.copyOfRange(payload, 12, payload.length));
        }
    }

    @Override
    public boolean accept(byte[] row, int offset, int length) {
        if (length < groupOffset + groupLength) {
            return false;
        }
        if (filterValue.length == 0) {
            return true;
        }
        return length >= filterOffset + filterValue.length
                && Arrays.equals(row, offset + filterOffset, offset + filterOffset + filterValue.length,
                        filterValue, 0, filterValue.length);
    }

    @Override
    public byte[] groupKey(Cell cell) {
        int start = cell.getRowOffset() + groupOffset;
        return Arrays.copyOfRange(cell.getRowArray(), start, start + groupLength);
    }

    @Override
    public byte[] value(Cell cell) {
        if (cell.getValueLength() != Long.BYTES) {
            throw new IllegalArgumentException("cell of row " + Bytes.toStringBinary(cell.getRowArray(),
                    cell.getRowOffset(), cell.getRowLength()) + " holds " + cell.getValueLength()
                    + " bytes, expected an 8-byte long");
        }
        return Arrays.copyOfRange(cell.getValueArray(), cell.getValueOffset(), cell.getValueOffset() + Long.BYTES);
    }

    @Override
    public byte[] merge(byte[] left, byte[] right) {
        Bytes.putLong(left, 0, Bytes.toLong(left) + Bytes.toLong(right));
        return left;
    }
}
