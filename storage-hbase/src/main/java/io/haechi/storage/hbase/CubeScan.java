package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.rowkey.KeyRange;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.TableNotFoundException;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.filter.MultiRowRangeFilter;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.hbase.util.Pair;

/**
 * One {@link CuboidScanRequest} against a segment table. The request's key ranges (whole row keys, shard prefix
 * included, as {@code RowKeyCodec.keyRanges} makes them; no ranges = the cuboid in every shard) are sorted, merged and
 * cut at region boundaries; each region gets one {@link Scan} from its first to its last range with a
 * {@link MultiRowRangeFilter} when it has several, so a region costs one scanner whatever the number of ranges. Up to
 * {@link CubeStoreOptions#scanParallelism()} regions are scanned at once; each worker merges its regions' partial
 * groups, and the workers' tables are merged at the end.
 */
final class CubeScan {
    /** Result rows per scanner RPC of region-side output; each row holds up to 1000 groups. */
    private static final int REGION_SIDE_CACHING = 20;
    private static final int MAX_REGION_ATTEMPTS = 3;
    private static final int CLIENT_SIDE_CACHING = 2000;

    private final HBaseCubeStore store;
    private final CuboidScanRequest request;
    private final boolean regionSide;
    private final TableName table;
    private final CubeScanPayload payload;
    private final byte[] attribute;
    private final String what;

    CubeScan(HBaseCubeStore store, CuboidScanRequest request, boolean regionSide) {
        this.store = store;
        this.request = request;
        this.regionSide = regionSide;
        this.table = store.tableOf(request.storageId());
        this.payload = CubeScanPayload.of(request, store.options().maxGroups());
        this.attribute = CubeRegionAggregator.request(payload).toBytes();
        this.what = "cuboid " + request.cuboid() + " of segment " + request.storageId();
    }

    /** One region's share of the scan. */
    private record RegionScan(byte[] start, byte[] stop, List<MultiRowRangeFilter.RowRange> ranges) {
    }

    CubeStore.ScanResult run() {
        List<RegionScan> regions = plan();
        CubeRegionAggregator aggregator = new CubeRegionAggregator(payload);
        GroupStates total = new GroupStates(aggregator.measures(), payload.maxGroups(), what);
        if (regions.size() == 1) {
            // One region (most dashboard scans): scanned on the caller's thread, no hand-off to the pool and back.
            try {
                total.mergeAll(work(new ConcurrentLinkedQueue<>(regions)));
            } catch (IOException | RuntimeException e) {
                throw translate(e);
            }
        } else if (!regions.isEmpty()) {
            ConcurrentLinkedQueue<RegionScan> queue = new ConcurrentLinkedQueue<>(regions);
            int workers = Math.min(store.options().scanParallelism(), regions.size());
            List<Future<GroupStates>> futures = new ArrayList<>();
            try {
                for (int w = 0; w < workers; w++) {
                    futures.add(store.scanPool().submit(() -> work(queue)));
                }
                for (Future<GroupStates> future : futures) {
                    total.mergeAll(future.get());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HaechiException(ErrorCode.QUERY_CANCELLED, "the scan of " + what + " was interrupted");
            } catch (ExecutionException e) {
                throw translate(e.getCause());
            } finally {
                futures.forEach(f -> f.cancel(true));
            }
        }
        return HBaseCubeStore.result(total.rows());
    }

    private GroupStates work(ConcurrentLinkedQueue<RegionScan> queue) throws IOException {
        CubeRegionAggregator aggregator = new CubeRegionAggregator(payload);
        GroupStates states = new GroupStates(aggregator.measures(), payload.maxGroups(), what);
        try (Table t = store.connection().getTable(table)) {
            for (RegionScan region = queue.poll(); region != null; region = queue.poll()) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new java.io.InterruptedIOException("scan cancelled");
                }
                scanRegion(t, region, aggregator, states);
            }
        }
        return states;
    }

    private void scanRegion(Table t, RegionScan region, CubeRegionAggregator aggregator, GroupStates states)
            throws IOException {
        Scan scan = new Scan().withStartRow(region.start()).withStopRow(region.stop()).addFamily(HBaseTables.FAMILY);
        if (region.ranges().size() > 1) {
            scan.setFilter(new MultiRowRangeFilter(region.ranges()));
        }
        if (!regionSide) {
            scan.setCaching(CLIENT_SIDE_CACHING).setCacheBlocks(true);
            try (ResultScanner scanner = t.getScanner(scan)) {
                for (Result result : scanner) {
                    byte[] row = result.getRow();
                    for (Cell cell : result.rawCells()) {
                        aggregator.addRow(states, row, cell);
                    }
                }
            }
            return;
        }
        scan.setAttribute(AggregationRequest.ATTRIBUTE, attribute).setCaching(REGION_SIDE_CACHING)
                .setCacheBlocks(true);
        for (int attempt = 1; ; attempt++) {
            GroupStates partials = new GroupStates(aggregator.measures(), payload.maxGroups(), what);
            if (readPartials(t, scan, partials)) {
                states.mergeAll(partials);
                return;
            }
            if (attempt == MAX_REGION_ATTEMPTS) {
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "the region-side rollup of " + what
                        + " from row " + Bytes.toStringBinary(region.start()) + " was interrupted by scanner restarts "
                        + MAX_REGION_ATTEMPTS + " times; the region may be moving, try again");
            }
        }
    }

    /**
     * Reads one region's partial groups; false when the output is not one complete drain (the client scanner reopened
     * mid-output and the region server sent a second count cell, or fewer groups than it announced).
     */
    private boolean readPartials(Table t, Scan scan, GroupStates partials) throws IOException {
        try (ResultScanner scanner = t.getScanner(new Scan(scan))) {
            return readPartials(scanner, partials, table);
        }
    }

    /** Merges the region-side output of one region scan into {@code partials}; false when it is not one drain. */
    static boolean readPartials(Iterable<Result> results, GroupStates partials, TableName table) {
        long announced = -1;
        long received = 0;
        for (Result result : results) {
            for (Cell cell : result.rawCells()) {
                if (!CellUtil.matchingFamily(cell, AggregatingRegionScanner.OUTPUT_FAMILY)) {
                    throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "region-side aggregation is not "
                            + "active on the region of row " + Bytes.toStringBinary(result.getRow())
                            + " of table " + table + ": add " + HaechiAggregationObserver.class.getName()
                            + " to hbase.coprocessor.region.classes and Haechi's storage jar to the region"
                            + " servers' classpath, then restart them (or scan client-side)");
                }
                if (cell.getQualifierLength() == 0) {
                    if (announced >= 0) {
                        return false;
                    }
                    announced = Bytes.toLong(cell.getValueArray(), cell.getValueOffset(), cell.getValueLength());
                    continue;
                }
                partials.mergePartial(CellUtil.cloneQualifier(cell), CellUtil.cloneValue(cell));
                received++;
            }
        }
        return received == Math.max(announced, 0);
    }

    /** The request's ranges, sorted and merged, cut at region boundaries, grouped per region. */
    private List<RegionScan> plan() {
        List<byte[][]> ranges = mergedRanges();
        Pair<byte[][], byte[][]> keys;
        try {
            keys = store.regionBoundaries(table);
            if (keys.getFirst().length == 0) {
                // the locator of a missing table finds no regions rather than failing
                throw new TableNotFoundException(table);
            }
        } catch (IOException e) {
            throw translate(e);
        }
        List<RegionScan> out = new ArrayList<>();
        for (int i = 0; i < keys.getFirst().length; i++) {
            byte[] regionStart = keys.getFirst()[i];
            byte[] regionEnd = keys.getSecond()[i];
            List<MultiRowRangeFilter.RowRange> pieces = new ArrayList<>();
            byte[] first = null;
            byte[] last = null;
            for (byte[][] r : ranges) {
                byte[] lo = Arrays.compareUnsigned(r[0], regionStart) >= 0 ? r[0] : regionStart;
                byte[] hi = minStop(r[1], regionEnd);
                if (hi.length > 0 && Arrays.compareUnsigned(lo, hi) >= 0) {
                    continue;
                }
                pieces.add(new MultiRowRangeFilter.RowRange(lo, true, hi, false));
                if (first == null) {
                    first = lo;
                }
                last = hi;
            }
            if (!pieces.isEmpty()) {
                out.add(new RegionScan(first, last, pieces));
            }
        }
        return out;
    }

    private static byte[] minStop(byte[] a, byte[] b) {
        if (a.length == 0) {
            return b;
        }
        if (b.length == 0) {
            return a;
        }
        return Arrays.compareUnsigned(a, b) <= 0 ? a : b;
    }

    private List<byte[][]> mergedRanges() {
        List<byte[][]> ranges = new ArrayList<>();
        if (request.keyRanges().isEmpty()) {
            byte[] cuboid = CubeRegionAggregator.longBytes(request.cuboid());
            for (int s = 0; s < request.layout().shardCount(); s++) {
                byte[] prefix = new byte[RowKeyCodec.HEADER_BYTES];
                prefix[0] = (byte) (s >>> 8);
                prefix[1] = (byte) s;
                System.arraycopy(cuboid, 0, prefix, RowKeyCodec.SHARD_BYTES, cuboid.length);
                ranges.add(new byte[][] {prefix, io.haechi.storage.hbase.KeyRange.prefix(prefix).stop()});
            }
        } else {
            for (KeyRange r : request.keyRanges()) {
                if (r.stop().length > 0 && Arrays.compareUnsigned(r.start(), r.stop()) >= 0) {
                    continue;
                }
                ranges.add(new byte[][] {r.start(), r.stop()});
            }
        }
        ranges.sort(Comparator.comparing((byte[][] r) -> r[0], Arrays::compareUnsigned));
        List<byte[][]> merged = new ArrayList<>();
        for (byte[][] r : ranges) {
            byte[][] last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && (last[1].length == 0 || Arrays.compareUnsigned(r[0], last[1]) <= 0)) {
                if (last[1].length != 0 && (r[1].length == 0 || Arrays.compareUnsigned(r[1], last[1]) > 0)) {
                    last[1] = r[1];
                }
            } else {
                merged.add(new byte[][] {r[0], r[1]});
            }
        }
        return merged;
    }

    private HaechiException translate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HaechiException h) {
                return h;
            }
            if (t instanceof TableNotFoundException) {
                return new HaechiException(ErrorCode.STORE_UNAVAILABLE, "segment " + request.storageId()
                        + " has no table in HBase (" + table + "); was it dropped or never loaded?", e);
            }
            String message = String.valueOf(t.getMessage());
            String tag = ErrorCode.TOO_MANY_GROUPS.tag() + " " + ErrorCode.TOO_MANY_GROUPS.name() + ": ";
            int at = message.indexOf(tag);
            if (at >= 0) {
                String text = message.substring(at + tag.length());
                int end = text.indexOf('\n');
                return new HaechiException(ErrorCode.TOO_MANY_GROUPS, end < 0 ? text : text.substring(0, end), e);
            }
        }
        return new HaechiException(ErrorCode.STORE_UNAVAILABLE, "the scan of " + what + " failed: " + e, e);
    }
}
