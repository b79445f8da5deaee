package io.haechi.storage.hbase;

import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.DoNotRetryIOException;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.client.RegionInfo;
import org.apache.hadoop.hbase.regionserver.RegionScanner;
import org.apache.hadoop.hbase.regionserver.ScannerContext;
import org.apache.hadoop.hbase.regionserver.Shipper;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Wraps a region scanner: on the first call it drains the region's part of the scan, filters and groups the rows with
 * the {@link RegionAggregator}, and then returns the groups sorted, {@value #GROUPS_PER_ROW} per result row.
 *
 * <p>Output layout: each cell has family {@link #OUTPUT_FAMILY}, qualifier = group key and value = partial aggregate.
 * The row of the k-th result is a real row key of the region (every {@value #GROUPS_PER_ROW}-th scanned row), so the
 * emitted rows are ascending and inside both the region and the scan range, whatever the region boundaries are; there
 * are always enough of them because a region has at least as many rows as groups. The client recognises the output
 * by its family (a region server without the observer would return raw rows instead).
 *
 * <p>The first result row also carries a <b>count cell</b>: empty qualifier (group keys are never empty), value = the
 * number of groups as an 8-byte long. Should the client's scanner reopen mid-output (a region move, a lost scanner
 * lease), it would restart after the last row it received, and that shorter drain would send a second count cell:
 * the client sees it (or a group count that does not add up) and re-runs the region's scan instead of merging a
 * partial aggregate twice or not at all.
 *
 * <p>Limits: the group table lives in the region server's heap (an aggregator may cap it, as
 * {@link CubeRegionAggregator} does), and the drain runs inside one scanner RPC, so a huge region must finish within
 * the client's scanner and read RPC timeouts ({@link CubeStoreOptions#scanTimeout()} raises them for cube scans).
 */
final class AggregatingRegionScanner implements RegionScanner, Shipper {
    /** The family of emitted cells; Haechi's tables hold only family {@code f}, so it never clashes with data. */
    static final byte[] OUTPUT_FAMILY = Bytes.toBytes("_haechi_agg");
    static final int GROUPS_PER_ROW = 1000;
    /** The qualifier of the count cell of the first result row. */
    static final byte[] COUNT_QUALIFIER = new byte[0];

    private static final int SHIP_EVERY_ROWS = 1024;

    private final RegionScanner inner;
    private final RegionAggregator aggregator;

    private List<Map.Entry<byte[], byte[]>> groups;
    private final List<byte[]> carrierRows = new ArrayList<>();
    private int emitted;

    AggregatingRegionScanner(RegionScanner inner, RegionAggregator aggregator) {
        this.inner = inner;
        this.aggregator = aggregator;
    }

    private void drain() throws IOException {
        GroupTable partials = aggregator.newGroupTable();
        List<Cell> cells = new ArrayList<>();
        long rows = 0;
        boolean more;
        try {
            do {
                cells.clear();
                more = inner.nextRaw(cells);
                if (cells.isEmpty()) {
                    continue;
                }
                Cell first = cells.get(0);
                if (rows % GROUPS_PER_ROW == 0) {
                    carrierRows.add(CellUtil.cloneRow(first));
                }
                rows++;
                if (aggregator.accept(first.getRowArray(), first.getRowOffset(), first.getRowLength())) {
                    for (Cell cell : cells) {
                        partials.add(cell);
                    }
                }
                if (rows % SHIP_EVERY_ROWS == 0 && inner instanceof Shipper shipper) {
                    // Everything needed was copied out: let the store scanners release the blocks they hold.
                    shipper.shipped();
                }
            } while (more);
        } catch (RuntimeException e) {
            // Not retryable: the same rows would fail the same way. A HaechiException keeps its tag in the message so
            // that the client can give back the same error code.
            throw new DoNotRetryIOException("Haechi aggregation failed in region "
                    + inner.getRegionInfo().getRegionNameAsString() + ": "
                    + (e instanceof HaechiException ? e.toString() : e.getMessage()), e);
        }
        groups = partials.sortedPartials();
    }

    @Override
    public boolean nextRaw(List<Cell> result) throws IOException {
        if (groups == null) {
            drain();
        }
        if (emitted >= groups.size()) {
            return false;
        }
        byte[] row = carrierRows.get(emitted / GROUPS_PER_ROW);
        if (emitted == 0) {
            result.add(new KeyValue(row, OUTPUT_FAMILY, COUNT_QUALIFIER, 0L, KeyValue.Type.Put,
                    Bytes.toBytes((long) groups.size())));
        }
        int end = Math.min(emitted + GROUPS_PER_ROW, groups.size());
        for (int i = emitted; i < end; i++) {
            Map.Entry<byte[], byte[]> group = groups.get(i);
            result.add(new KeyValue(row, OUTPUT_FAMILY, group.getKey(), 0L, KeyValue.Type.Put,
                    group.getValue()));
        }
        emitted = end;
        return emitted < groups.size();
    }

    @Override
    public boolean nextRaw(List<Cell> result, ScannerContext context) throws IOException {
        return nextRaw(result);
    }

    @Override
    public boolean next(List<Cell> result, ScannerContext context) throws IOException {
        return nextRaw(result);
    }

    @Override
    public boolean next(List<Cell> result) throws IOException {
        return nextRaw(result);
    }

    @Override
    public RegionInfo getRegionInfo() {
        return inner.getRegionInfo();
    }

    @Override
    public boolean isFilterDone() throws IOException {
        return inner.isFilterDone();
    }

    @Override
    public boolean reseek(byte[] row) throws IOException {
        throw new DoNotRetryIOException("a Haechi aggregation scan cannot reseek");
    }

    @Override
    public long getMaxResultSize() {
        return inner.getMaxResultSize();
    }

    @Override
    public long getMvccReadPoint() {
        return inner.getMvccReadPoint();
    }

    @Override
    public int getBatch() {
        return inner.getBatch();
    }

    @Override
    public String getOperationId() {
        return inner.getOperationId();
    }

    @Override
    public void shipped() throws IOException {
        if (inner instanceof Shipper shipper) {
            shipper.shipped();
        }
    }

    @Override
    public void close() throws IOException {
        inner.close();
    }
}
