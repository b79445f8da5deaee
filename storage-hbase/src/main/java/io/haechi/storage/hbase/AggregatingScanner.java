package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.CellUtil;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.util.Bytes;
import org.apache.hadoop.hbase.util.Pair;

/**
 * Runs a grouping aggregation over key ranges of a table. {@link #aggregate} lets the region servers pre-aggregate
 * ({@link HaechiAggregationObserver}) and merges their partial aggregates; {@link #aggregateClientSide} reads the raw
 * rows and aggregates here, with the same {@link RegionAggregator}, for clusters without the observer and as the
 * reference in tests. Ranges are cut at region boundaries and the pieces run in parallel.
 */
public final class AggregatingScanner {
    /** Raw rows per scanner RPC on the client-side path. */
    private static final int CACHING = 2000;
    /** Result rows per RPC on the region-side path: each holds up to 1000 groups, so this caps a response at 50k. */
    private static final int REGION_SIDE_CACHING = 50;

    private final Connection connection;
    private final TableName table;
    private final int parallelism;

    public AggregatingScanner(Connection connection, TableName table, int parallelism) {
        this.connection = requireNonNull(connection, "connection is null");
        this.table = requireNonNull(table, "table is null");
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, got " + parallelism);
        }
        this.parallelism = parallelism;
    }

    /** Groups and their merged aggregates, sorted by group key, aggregated on the region servers. */
    public NavigableMap<byte[], byte[]> aggregate(List<KeyRange> ranges, AggregationRequest request) {
        return run(ranges, request, true);
    }

    /** The same result as {@link #aggregate}, computed from raw rows on the client. */
    public NavigableMap<byte[], byte[]> aggregateClientSide(List<KeyRange> ranges, AggregationRequest request) {
        return run(ranges, request, false);
    }

    private NavigableMap<byte[], byte[]> run(List<KeyRange> ranges, AggregationRequest request, boolean regionSide) {
        requireNonNull(ranges, "ranges is null");
        requireNonNull(request, "request is null");
        RegionAggregator merger = request.newAggregator(getClass().getClassLoader());
        List<KeyRange> pieces = splitAtRegions(ranges);
        Map<ByteKey, byte[]> total = new HashMap<>();
        if (!pieces.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, pieces.size()), runnable -> {
                Thread thread = new Thread(runnable, "haechi-agg-scan-" + table.getNameAsString());
                thread.setDaemon(true);
                return thread;
            });
            try {
                List<Future<Map<ByteKey, byte[]>>> futures = new ArrayList<>();
                for (KeyRange piece : pieces) {
                    RegionAggregator aggregator = request.newAggregator(getClass().getClassLoader());
                    futures.add(pool.submit(() -> scanPiece(piece, request, aggregator, regionSide)));
                }
                for (Future<Map<ByteKey, byte[]>> future : futures) {
                    future.get().forEach((group, value) -> total.merge(group, value, merger::merge));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HaechiException(ErrorCode.QUERY_CANCELLED, "scan of table " + table + " was interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof HaechiException haechi) {
                    throw haechi;
                }
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE,
                        "aggregating scan of table " + table + " failed: " + e.getCause(), e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
        NavigableMap<byte[], byte[]> sorted = new TreeMap<>(Arrays::compareUnsigned);
        total.forEach((group, value) -> sorted.put(group.bytes(), value));
        return sorted;
    }

    private List<KeyRange> splitAtRegions(List<KeyRange> ranges) {
        try (RegionLocator locator = connection.getRegionLocator(table)) {
            Pair<byte[][], byte[][]> keys = locator.getStartEndKeys();
            List<KeyRange> pieces = new ArrayList<>();
            for (KeyRange range : ranges) {
                for (int i = 0; i < keys.getFirst().length; i++) {
                    KeyRange piece = range.intersect(keys.getFirst()[i], keys.getSecond()[i]);
                    if (piece != null) {
                        pieces.add(piece);
                    }
                }
            }
            return pieces;
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE,
                    "cannot locate the regions of table " + table + ": " + e.getMessage(), e);
        }
    }

    private Map<ByteKey, byte[]> scanPiece(KeyRange piece, AggregationRequest request, RegionAggregator aggregator,
            boolean regionSide) throws IOException {
        Scan scan = new Scan().withStartRow(piece.start()).withStopRow(piece.stop())
                .setCaching(regionSide ? REGION_SIDE_CACHING : CACHING).setCacheBlocks(true);
        if (regionSide) {
            scan.setAttribute(AggregationRequest.ATTRIBUTE, request.toBytes());
        } else {
            scan.addFamily(HBaseTables.FAMILY);
        }
        Map<ByteKey, byte[]> partials = new HashMap<>();
        try (Table t = connection.getTable(table); ResultScanner scanner = t.getScanner(scan)) {
            for (Result result : scanner) {
                if (regionSide) {
                    mergePartials(result, aggregator, partials);
                } else {
                    aggregateRow(result, aggregator, partials);
                }
            }
        }
        return partials;
    }

    private void mergePartials(Result result, RegionAggregator aggregator, Map<ByteKey, byte[]> partials) {
        for (Cell cell : result.rawCells()) {
            if (!CellUtil.matchingFamily(cell, AggregatingRegionScanner.OUTPUT_FAMILY)) {
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "region-side aggregation is not active on the "
                        + "region of row " + Bytes.toStringBinary(result.getRow()) + " of table " + table + ": add "
                        + HaechiAggregationObserver.class.getName() + " to hbase.coprocessor.region.classes and "
                        + "Haechi's storage jar to the region servers' classpath, then restart them");
            }
            if (cell.getQualifierLength() == 0) {
                continue; // the count cell (see AggregatingRegionScanner)
            }
            partials.merge(new ByteKey(CellUtil.cloneQualifier(cell)), CellUtil.cloneValue(cell), aggregator::merge);
        }
    }

    private static void aggregateRow(Result result, RegionAggregator aggregator, Map<ByteKey, byte[]> partials) {
        byte[] row = result.getRow();
        if (!aggregator.accept(row, 0, row.length)) {
            return;
        }
        for (Cell cell : result.rawCells()) {
            byte[] group = aggregator.groupKey(cell);
            if (group != null) {
                partials.merge(new ByteKey(group), aggregator.value(cell), aggregator::merge);
            }
        }
    }
}
