package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentStats;
import io.haechi.model.spi.SegmentWriter;
import io.haechi.model.table.DataType;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bulk-load and scan throughput of one big cuboid (4 shards, 8 regions), printed to the test output; no timed
 * assertions. Small by default; {@code -Dhaechi.cubestore.d2=1000} makes the cuboid 1M rows, and
 * {@code -Dhaechi.cubestore.encodings=NONE,PREFIX,FAST_DIFF} compares block encodings.
 */
@Timeout(value = 900, unit = TimeUnit.SECONDS)
class CubeStoreThroughputTest {
    private static final int D0 = 10;
    private static final int D1 = 100;
    private static final int D2 = Integer.getInteger("haechi.cubestore.d2", 50);
    private static final int SHARDS = 4;

    @TempDir
    Path staging;

    private final List<DimensionEncoding> encodings = List.of(new IntegerEncoding(DataType.BIGINT, 1),
            new IntegerEncoding(DataType.BIGINT, 2), new IntegerEncoding(DataType.BIGINT, 3));
    private final RowKeyCodec codec = new RowKeyCodec(encodings, SHARDS, -1);
    private final long cuboid = codec.baseCuboid();

    @Test
    void loadAndRollUp() {
        String[] names = System.getProperty("haechi.cubestore.encodings", "FAST_DIFF").split(",");
        for (String name : names) {
            run(DataBlockEncoding.valueOf(name.trim().toUpperCase(Locale.ROOT)));
        }
    }

    private void run(DataBlockEncoding encoding) {
        String id = "cubestore_throughput_" + encoding.name().toLowerCase(Locale.ROOT);
        long rows = (long) D0 * D1 * D2;
        try (HBaseCubeStore store = HBaseCubeStore.open(InProcessHBase.shared().configuration(),
                CubeStoreOptions.defaults(staging).withBlockEncoding(encoding))) {
            store.dropSegment(id);
            List<byte[]> splits = new ArrayList<>();
            for (int s = 0; s < SHARDS; s++) {
                if (s > 0) {
                    splits.add(new byte[] {0, (byte) s});
                }
                byte[] mid = codec.encodeValues(cuboid, (long) D0 / 2, 0L, 0L);
                mid[0] = 0;
                mid[1] = (byte) s;
                splits.add(mid);
            }
            long start = System.nanoTime();
            SegmentStats stats;
            long created;
            long written;
            try (SegmentWriter segment = store.createSegment(new SegmentLayout(id, splits))) {
                created = System.nanoTime();
                SegmentWriter.CuboidRowWriter writer = segment.openCuboid(cuboid);
                SplittableRandom random = new SplittableRandom(1);
                List<MeasureType> types = CubeTestData.TYPES;
                Object[] states = new Object[types.size()];
                for (long a = 0; a < D0; a++) {
                    for (long b = 0; b < D1; b++) {
                        for (long c = 0; c < D2; c++) {
                            long amount = random.nextLong(1_000_000);
                            states[0] = types.get(0).add(types.get(0).init(), amount);
                            states[1] = types.get(1).add(types.get(1).init(), 1L);
                            states[2] = types.get(2).add(types.get(2).init(), amount);
                            states[3] = types.get(3).add(types.get(3).init(), amount);
                            states[4] = types.get(4).add(types.get(4).init(), random.nextLong(1, 100_000));
                            writer.append(codec.encodeValues(cuboid, a, b, c), CubeTestData.CELLS.encode(states));
                        }
                    }
                }
                writer.finish();
                written = System.nanoTime();
                stats = segment.finish();
            }
            double loadSeconds = (System.nanoTime() - start) / 1e9;
            assertThat(stats.totalRows()).isEqualTo(rows);
            System.out.printf(Locale.ROOT, "[%s] wrote and bulk-loaded %,d rows in %.2f s (%,.0f rows/s), %,d bytes"
                    + " of HFiles (%.1f B/row), %d regions; create table %.2f s, write HFiles %.2f s (%,.0f rows/s),"
                    + " bulk load %.2f s%n", encoding, rows, loadSeconds, rows / loadSeconds,
                    stats.bytesStored(), (double) stats.bytesStored() / rows, stats.regions(),
                    (created - start) / 1e9, (written - created) / 1e9, rows / ((written - created) / 1e9),
                    (System.nanoTime() - written) / 1e9);

            io.haechi.model.spi.ScanLayout layout = new io.haechi.model.spi.ScanLayout(List.of(1, 2, 3), SHARDS,
                    CubeTestData.MEASURES);
            for (List<Integer> measures : List.of(List.of(0, 1, 2, 3, 4), List.of(0, 1, 2, 3)))
            for (long groupBy : new long[] {codec.cuboidOf(0), codec.cuboidOf(1)}) {
                CuboidScanRequest request = new CuboidScanRequest(id, cuboid, List.of(), Map.of(), groupBy,
                        measures, layout);
                Map<String, Long> region = new HashMap<>();
                Map<String, Long> client = new HashMap<>();
                long[] regionNanos = new long[3];
                long[] clientNanos = new long[3];
                for (int i = 0; i < 3; i++) {
                    long t0 = System.nanoTime();
                    region = digest(store.scan(request), measures);
                    regionNanos[i] = System.nanoTime() - t0;
                    t0 = System.nanoTime();
                    client = digest(store.scanClientSide(request), measures);
                    clientNanos[i] = System.nanoTime() - t0;
                }
                assertThat(region).isEqualTo(client).hasSize(groupBy == codec.cuboidOf(0) ? D0 : D1);
                Arrays.sort(regionNanos);
                Arrays.sort(clientNanos);
                System.out.printf(Locale.ROOT, "[%s] rollup of %,d rows to %d groups, measures %s: region-side %d ms,"
                        + " client-side %d ms (median of 3)%n", encoding, rows, region.size(), measures,
                        regionNanos[1] / 1_000_000,
                        clientNanos[1] / 1_000_000);
            }
            compareMultiRangeWithScanPerRange(store, id, layout);
            store.dropSegment(id);
        }
    }

    /** Many small ranges: one scan per region with a MultiRowRangeFilter versus one scan per range, 4 at a time. */
    private void compareMultiRangeWithScanPerRange(HBaseCubeStore store, String id,
            io.haechi.model.spi.ScanLayout layout) {
        List<io.haechi.model.rowkey.CodeRange> filters = List.of(range(0, 2, 7), range(1, 10, 59),
                range(2, 0, D2 / 2 - 1));
        List<io.haechi.model.rowkey.KeyRange> ranges = codec.keyRanges(cuboid, filters, 1000);
        long groupBy = codec.cuboidOf(1);
        List<Integer> measures = List.of(0, 1, 2, 3);
        CuboidScanRequest all = new CuboidScanRequest(id, cuboid, ranges, Map.of(), groupBy, measures, layout);
        long[] multi = new long[3];
        long[] perRange = new long[3];
        Map<String, Long> expected = Map.of();
        Map<String, Long> merged = Map.of();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            for (int i = 0; i < 3; i++) {
                long t0 = System.nanoTime();
                expected = digest(store.scan(all), measures);
                multi[i] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                List<java.util.concurrent.Future<List<AggregateRow>>> parts = new ArrayList<>();
                for (io.haechi.model.rowkey.KeyRange r : ranges) {
                    CuboidScanRequest one = new CuboidScanRequest(id, cuboid, List.of(r), Map.of(), groupBy,
                            measures, layout);
                    parts.add(pool.submit(() -> {
                        List<AggregateRow> rows = new ArrayList<>();
                        try (CubeStore.ScanResult result = store.scan(one)) {
                            result.forEachRemaining(rows::add);
                        }
                        return rows;
                    }));
                }
                CubeMeasures merger = new CubeMeasures(layout, measures);
                GroupStates states = new GroupStates(merger, Long.MAX_VALUE, "per-range scans");
                for (java.util.concurrent.Future<List<AggregateRow>> part : parts) {
                    for (AggregateRow row : part.get()) {
                        states.mergePartial(row.key(), row.measureCell());
                    }
                }
                List<AggregateRow> rows = new ArrayList<>();
                states.forEach((key, st) -> rows.add(new AggregateRow(key, merger.encode(st))));
                merged = digest(HBaseCubeStore.result(rows.iterator()), measures);
                perRange[i] = System.nanoTime() - t0;
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        } finally {
            pool.shutdownNow();
        }
        assertThat(merged).isEqualTo(expected).hasSize(50);
        Arrays.sort(multi);
        Arrays.sort(perRange);
        System.out.printf(Locale.ROOT, "%d key ranges (%,d rows): one scan per region with MultiRowRangeFilter %d ms,"
                + " one scan per range (4 parallel) %d ms (median of 3)%n", ranges.size(), 6L * 50 * (D2 / 2),
                multi[1] / 1_000_000, perRange[1] / 1_000_000);
    }

    private io.haechi.model.rowkey.CodeRange range(int dim, long low, long high) {
        return io.haechi.model.rowkey.CodeRange.range(encodings.get(dim), low, true, high, true).orElseThrow();
    }

    /** Group key (hex) to COUNT(*) result, and the other results folded into a checksum entry. */
    private static Map<String, Long> digest(CubeStore.ScanResult result, List<Integer> measures) {
        Map<String, Long> out = new HashMap<>();
        try (result) {
            while (result.hasNext()) {
                AggregateRow row = result.next();
                io.haechi.model.rowkey.MeasureRowCodec cells = new io.haechi.model.rowkey.MeasureRowCodec(
                        CubeTestData.TYPES.subList(0, measures.size()));
                Object[] states = cells.decode(row.measureCell());
                long check = 0;
                for (int i = 0; i < states.length; i++) {
                    check = check * 31 + ((Number) cells.measures().get(i).result(states[i])).longValue();
                }
                out.put(java.util.HexFormat.of().formatHex(row.key()), check);
            }
        }
        return out;
    }
}
