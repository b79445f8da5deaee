package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.rowkey.KeyRange;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentStats;
import io.haechi.model.spi.SegmentWriter;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A segment of five cuboids written from two threads at once, then scanned: unrolled it gives back the written rows;
 * rolled up with key ranges and residual filters it equals DuckDB's GROUP BY over the source rows, region-side and
 * client-side alike.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class HBaseCubeStoreTest {
    private static final String SEGMENT = "cubestore_test_seg";
    private static final List<Integer> ALL_MEASURES = List.of(0, 1, 2, 3, 4);

    @TempDir
    static Path staging;

    private static CubeTestData data;
    private static HBaseCubeStore store;
    private static Connection duck;
    private static SegmentStats stats;
    private static List<byte[]> splits;
    private static final Map<Long, List<CubeTestData.CuboidRow>> WRITTEN = new LinkedHashMap<>();
    private static long base;
    private static long c012;
    private static long c13;
    private static long c2;
    private static long c04;

    @BeforeAll
    static void writeSegment() throws Exception {
        data = new CubeTestData(3, 40_000, 7);
        base = data.codec.baseCuboid();
        c012 = data.codec.cuboidOf(0, 1, 2);
        c13 = data.codec.cuboidOf(1, 3);
        c2 = data.codec.cuboidOf(2);
        c04 = data.codec.cuboidOf(0, 4);
        for (long c : new long[] {base, c012, c13, c2, c04}) {
            WRITTEN.put(c, data.cuboidRows(c));
        }
        store = HBaseCubeStore.open(InProcessHBase.shared().configuration(), CubeStoreOptions.defaults(staging));
        store.dropSegment(SEGMENT);
        splits = splitKeys();
        try (SegmentWriter segment = store.createSegment(new SegmentLayout(SEGMENT, splits))) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Long>> done = new ArrayList<>();
                for (Map.Entry<Long, List<CubeTestData.CuboidRow>> e : WRITTEN.entrySet()) {
                    done.add(pool.submit(() -> {
                        SegmentWriter.CuboidRowWriter w = segment.openCuboid(e.getKey());
                        e.getValue().forEach(r -> w.append(r.key(), r.cell()));
                        return w.finish();
                    }));
                }
                for (Future<Long> f : done) {
                    f.get();
                }
            } finally {
                pool.shutdown();
            }
            stats = segment.finish();
        }
        duck = java.sql.DriverManager.getConnection("jdbc:duckdb:");
        data.loadInto(duck);
    }

    /** Shard boundaries plus a split inside shard 0's base cuboid and inside shard 2's cuboid c012. */
    private static List<byte[]> splitKeys() {
        List<byte[]> keys = new ArrayList<>();
        for (int s = 1; s < data.codec.shardCount(); s++) {
            keys.add(new byte[] {0, (byte) s});
        }
        keys.add(middleKeyOfShard(WRITTEN.get(base), 0));
        keys.add(middleKeyOfShard(WRITTEN.get(c012), 2));
        keys.sort(Arrays::compareUnsigned);
        return keys;
    }

    private static byte[] middleKeyOfShard(List<CubeTestData.CuboidRow> rows, int shard) {
        List<byte[]> keys = rows.stream().map(CubeTestData.CuboidRow::key)
                .filter(k -> data.codec.shard(k) == shard).sorted(Arrays::compareUnsigned).toList();
        return keys.get(keys.size() / 2);
    }

    @AfterAll
    static void cleanUp() throws SQLException {
        if (store != null) {
            store.dropSegment(SEGMENT);
            store.close();
        }
        if (duck != null) {
            duck.close();
        }
    }

    private static CuboidScanRequest request(long cuboid, long groupBy, List<KeyRange> ranges,
            Map<Integer, List<CodeRange>> residual, List<Integer> measures) {
        return new CuboidScanRequest(SEGMENT, cuboid, ranges, residual, groupBy, measures, data.layout());
    }

    private static List<AggregateRow> drain(CubeStore.ScanResult result) {
        List<AggregateRow> rows = new ArrayList<>();
        try (result) {
            result.forEachRemaining(rows::add);
        }
        return rows;
    }

    @Test
    void statsCountWhatWasWrittenAndTheRegionsOfTheSplits() throws IOException {
        Map<Long, Long> expected = new HashMap<>();
        WRITTEN.forEach((c, rows) -> expected.put(c, (long) rows.size()));
        assertThat(stats.rowsPerCuboid()).isEqualTo(expected);
        assertThat(stats.regions()).isEqualTo(splits.size() + 1).isGreaterThanOrEqualTo(5);
        assertThat(stats.bytesStored()).isPositive();
        try (RegionLocator locator = store.connection().getRegionLocator(store.tableOf(SEGMENT))) {
            assertThat(locator.getAllRegionLocations()).hasSize(splits.size() + 1);
        }
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).as("staging directories left after the load").isEmpty();
        }
    }

    @Test
    void everyCuboidUnrolledEqualsTheWrittenRows() {
        for (Map.Entry<Long, List<CubeTestData.CuboidRow>> e : WRITTEN.entrySet()) {
            Map<List<Object>, List<Object>> expected = new HashMap<>();
            for (CubeTestData.CuboidRow row : e.getValue()) {
                Object[] states = CubeTestData.CELLS.decode(row.cell());
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < states.length; i++) {
                    values.add(CubeTestData.normalize(CubeTestData.TYPES.get(i).result(states[i])));
                }
                expected.put(data.groupValues(row.key()), values);
            }
            CuboidScanRequest request = request(e.getKey(), e.getKey(), List.of(), Map.of(), ALL_MEASURES);
            List<AggregateRow> rows = drain(store.scan(request));
            assertThat(rows).hasSize(e.getValue().size());
            for (AggregateRow row : rows) {
                assertThat(data.codec.shard(row.key())).isZero();
                assertThat(data.codec.cuboid(row.key())).isEqualTo(e.getKey());
            }
            assertThat(data.results(rows, ALL_MEASURES)).as("cuboid %d", e.getKey()).isEqualTo(expected);
            assertThat(data.results(drain(store.scanClientSide(request)), ALL_MEASURES)).isEqualTo(expected);
        }
    }

    private static CodeRange codes(int dim, Long low, Long high) {
        return CodeRange.range(CubeTestData.ENCODINGS.get(dim), low, true, high, true).orElseThrow();
    }

    private static CodeRange point(int dim, long value) {
        return codes(dim, value, value);
    }

    private void assertEqualsDuckDb(long cuboid, long groupBy, List<KeyRange> ranges,
            Map<Integer, List<CodeRange>> residual, List<Integer> measures, String where) throws SQLException {
        List<String> dims = IntStream.of(data.codec.dimensionsOf(groupBy)).mapToObj(d -> "d" + d).toList();
        String sql = "SELECT " + (dims.isEmpty() ? "" : String.join(", ", dims) + ", ")
                + CubeTestData.measureSql(measures) + " FROM facts WHERE " + where
                + (dims.isEmpty() ? "" : " GROUP BY " + String.join(", ", dims)) + " HAVING COUNT(*) > 0";
        Map<List<Object>, List<Object>> expected = new HashMap<>();
        try (Statement s = duck.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                List<Object> key = new ArrayList<>();
                for (int i = 1; i <= dims.size(); i++) {
                    key.add(CubeTestData.normalize(rs.getObject(i)));
                }
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < measures.size(); i++) {
                    values.add(CubeTestData.normalize(rs.getObject(dims.size() + 1 + i)));
                }
                expected.put(key, values);
            }
        }
        assertThat(expected).as("DuckDB finds groups for " + sql).isNotEmpty();
        CuboidScanRequest request = request(cuboid, groupBy, ranges, residual, measures);
        assertThat(data.results(drain(store.scan(request)), measures)).as(sql).isEqualTo(expected);
        assertThat(data.results(drain(store.scanClientSide(request)), measures)).as("client-side " + sql)
                .isEqualTo(expected);
    }

    @Test
    void baseRolledUpToOneDimension() throws SQLException {
        assertEqualsDuckDb(base, data.codec.cuboidOf(1), List.of(), Map.of(), ALL_MEASURES, "TRUE");
    }

    @Test
    void baseRolledUpWithResidualFilters() throws SQLException {
        Map<Integer, List<CodeRange>> residual = Map.of(
                2, List.of(codes(2, 20L, 80L), codes(2, 150L, 160L)),
                4, List.of(codes(4, null, 400_000L)));
        assertEqualsDuckDb(base, data.codec.cuboidOf(0, 3), List.of(), residual, ALL_MEASURES,
                "(d2 BETWEEN 20 AND 80 OR d2 BETWEEN 150 AND 160) AND d4 <= 400000");
    }

    @Test
    void exactKeyRangesOnLeadingDimensions() throws SQLException {
        List<CodeRange> leading = Arrays.asList(point(0, 2), codes(1, 5L, 10L));
        List<KeyRange> ranges = data.codec.keyRanges(c012, leading, 64);
        assertThat(ranges).hasSize(data.codec.shardCount()).allMatch(KeyRange::exact);
        assertEqualsDuckDb(c012, data.codec.cuboidOf(0), ranges, Map.of(), ALL_MEASURES,
                "d0 = 2 AND d1 BETWEEN 5 AND 10");
    }

    @Test
    void inexactKeyRangesWithTheResidual() throws SQLException {
        List<CodeRange> leading = Arrays.asList(codes(0, 1L, 3L), null, codes(2, 100L, 199L));
        List<KeyRange> ranges = data.codec.keyRanges(c012, leading, 64);
        assertThat(ranges).hasSizeGreaterThan(data.codec.shardCount()).noneMatch(KeyRange::exact);
        Map<Integer, List<CodeRange>> residual = Map.of(2, List.of(codes(2, 100L, 199L)));
        assertEqualsDuckDb(c012, data.codec.cuboidOf(1, 2), ranges, residual, ALL_MEASURES,
                "d0 BETWEEN 1 AND 3 AND d2 BETWEEN 100 AND 199");
    }

    @Test
    void grandTotalOfNullsWithMeasuresReordered() throws SQLException {
        Map<Integer, List<CodeRange>> residual = Map.of(0, List.of(CodeRange.isNull(CubeTestData.ENCODINGS.get(0))));
        assertEqualsDuckDb(c04, 0L, List.of(), residual, List.of(4, 0, 1), "d0 IS NULL");
    }

    @Test
    void pointsResidualOnASmallCuboid() throws SQLException {
        Map<Integer, List<CodeRange>> residual = Map.of(1, List.of(point(1, 3), point(1, 7), point(1, 11)));
        assertEqualsDuckDb(c13, data.codec.cuboidOf(3), List.of(), residual, List.of(4), "d1 IN (3, 7, 11)");
        assertEqualsDuckDb(c2, c2, List.of(), Map.of(), List.of(3, 2), "TRUE");
    }

    @Test
    void manyGroupsAcrossRegions() throws SQLException {
        // tens of thousands of groups: several output rows per region, and groups split across regions
        assertEqualsDuckDb(base, data.codec.cuboidOf(2, 4), List.of(), Map.of(), ALL_MEASURES, "TRUE");
    }

    @Test
    void tooManyGroupsFailsClearly() {
        try (HBaseCubeStore small = HBaseCubeStore.open(InProcessHBase.shared().configuration(),
                CubeStoreOptions.defaults(staging).withMaxGroups(50))) {
            CuboidScanRequest request = request(base, base, List.of(), Map.of(), ALL_MEASURES);
            assertThatThrownBy(() -> drain(small.scan(request)))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_GROUPS))
                    .hasMessageContaining("more than 50 groups");
            assertThatThrownBy(() -> drain(small.scanClientSide(request)))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.TOO_MANY_GROUPS));
            // 6 values of d0 plus NULL: well within the limit
            assertThat(drain(small.scan(request(base, data.codec.cuboidOf(0), List.of(), Map.of(),
                    List.of(1))))).hasSize(7);
        }
    }

    @Test
    void abortLeavesNoTableAndNoStaging() throws IOException {
        String id = "cubestore_test_abort";
        store.dropSegment(id);
        SegmentWriter segment = store.createSegment(new SegmentLayout(id, List.of(new byte[] {0, 1})));
        SegmentWriter.CuboidRowWriter w = segment.openCuboid(c2);
        WRITTEN.get(c2).forEach(r -> w.append(r.key(), r.cell()));
        w.finish();
        assertThat(store.segmentExists(id)).isTrue();
        try (Stream<Path> files = Files.walk(staging)) {
            assertThat(files.filter(Files::isRegularFile)).as("staged HFiles").isNotEmpty();
        }

        segment.abort();
        segment.abort();
        segment.close();

        assertThat(store.segmentExists(id)).isFalse();
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> segment.openCuboid(c13)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("aborted");
    }

    @Test
    void closeWithoutFinishAborts() {
        String id = "cubestore_test_close";
        store.dropSegment(id);
        try (SegmentWriter segment = store.createSegment(new SegmentLayout(id, List.of()))) {
            SegmentWriter.CuboidRowWriter w = segment.openCuboid(c2);
            w.append(WRITTEN.get(c2).get(0).key(), WRITTEN.get(c2).get(0).cell());
            assertThatThrownBy(segment::finish).hasMessageContaining("opened but not finished");
        }
        assertThat(store.segmentExists(id)).isFalse();
    }

    @Test
    void dropIsIdempotentAndASecondCreateFails() {
        String id = "cubestore_test_twice";
        store.dropSegment(id);
        try (SegmentWriter first = store.createSegment(new SegmentLayout(id, List.of()))) {
            assertThatThrownBy(() -> store.createSegment(new SegmentLayout(id, List.of())))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SEGMENT_EXISTS))
                    .hasMessageContaining("segment " + id + " already exists");
            SegmentStats empty = first.finish();
            assertThat(empty.totalRows()).isZero();
            assertThat(empty.regions()).isEqualTo(1);
        }
        assertThat(store.segmentExists(id)).as("finish then close keeps the segment").isTrue();
        store.dropSegment(id);
        store.dropSegment(id);
        assertThat(store.segmentExists(id)).isFalse();
        assertThatThrownBy(() -> drain(store.scan(new CuboidScanRequest(id, c2, List.of(), Map.of(), c2,
                ALL_MEASURES, data.layout())))).isInstanceOf(HaechiException.class)
                .hasMessageContaining("segment " + id + " has no table in HBase");
    }

    @Test
    void badRowsAreRefusedWithTheKeys() {
        String id = "cubestore_test_bad_rows";
        store.dropSegment(id);
        try (SegmentWriter segment = store.createSegment(new SegmentLayout(id, List.of()))) {
            List<CubeTestData.CuboidRow> rows = WRITTEN.get(c2);
            SegmentWriter.CuboidRowWriter w = segment.openCuboid(c2);
            CubeTestData.CuboidRow first = rows.stream().filter(r -> data.codec.shard(r.key()) == 0).toList().get(1);
            CubeTestData.CuboidRow earlier = rows.stream().filter(r -> data.codec.shard(r.key()) == 0).toList()
                    .get(0);
            w.append(first.key(), first.cell());
            assertThatThrownBy(() -> w.append(earlier.key(), earlier.cell()))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessageContaining("strictly ascending key order within a shard");
            assertThatThrownBy(() -> w.append(WRITTEN.get(c13).get(0).key(), first.cell()))
                    .hasMessageContaining("is not a key of that cuboid");
            assertThatThrownBy(() -> segment.openCuboid(c2)).hasMessageContaining("already open");
        }
        assertThat(store.segmentExists(id)).isFalse();
    }
}
