package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.HaechiException;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Region-side aggregation equals the same aggregation done from the rows, across several regions. */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class AggregationObserverTest {
    private static final int SHARDS = 6;
    private static final int GROUPS = 2500;
    private static final TableName TABLE = TableName.valueOf("agg_observer_test");

    private static List<TestRows.Row> rows;
    private static Connection connection;

    @BeforeAll
    static void load(@TempDir Path staging) throws IOException {
        connection = InProcessHBase.shared().connection();
        rows = TestRows.generate(60_000, SHARDS, GROUPS, 42);
        try (Admin admin = connection.getAdmin()) {
            HBaseTables.drop(admin, TABLE);
            HBaseTables.create(admin, TABLE, TestRows.shardSplits(SHARDS));
        }
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, TABLE, staging)) {
            rows.forEach(r -> load.append(r.key(), TestRows.QUALIFIER, TestRows.longBytes(r.value())));
            load.commit();
        }
    }

    @AfterAll
    static void drop() throws IOException {
        try (Admin admin = connection.getAdmin()) {
            HBaseTables.drop(admin, TABLE);
        }
    }

    /** The expected answer, computed from the generated rows in plain Java. */
    private static Map<Short, Long> expected(List<TestRows.Row> selected, Byte flag) {
        Map<Short, Long> sums = new TreeMap<>();
        for (TestRows.Row row : selected) {
            if (flag == null || row.flag() == flag) {
                sums.merge(row.group(), row.value(), Long::sum);
            }
        }
        return sums;
    }

    private static Map<Short, Long> decode(NavigableMap<byte[], byte[]> result) {
        Map<Short, Long> sums = new TreeMap<>();
        result.forEach((group, value) -> sums.put(ByteBuffer.wrap(group).getShort(), ByteBuffer.wrap(value).getLong()));
        return sums;
    }

    private final AggregatingScanner scanner = new AggregatingScanner(InProcessHBase.shared().connection(), TABLE, 3);

    @Test
    void wholeTableEqualsRowsAndClientSide() {
        AggregationRequest request = LongSumAggregator.request(TestRows.GROUP_OFFSET, TestRows.GROUP_LENGTH, 0,
                new byte[0]);

        NavigableMap<byte[], byte[]> regionSide = scanner.aggregate(List.of(KeyRange.all()), request);
        NavigableMap<byte[], byte[]> clientSide = scanner.aggregateClientSide(List.of(KeyRange.all()), request);

        // More groups than one emitted row holds, in every region: the multi-row output path is exercised.
        assertThat(regionSide).hasSizeGreaterThan(AggregatingRegionScanner.GROUPS_PER_ROW * 2);
        assertThat(decode(regionSide)).isEqualTo(expected(rows, null));
        assertThat(decode(clientSide)).isEqualTo(expected(rows, null));
    }

    @Test
    void filteredSubRangesAcrossRegionsEqualRows() {
        byte[] flagOne = {1};
        AggregationRequest request = LongSumAggregator.request(TestRows.GROUP_OFFSET, TestRows.GROUP_LENGTH,
                TestRows.FLAG_OFFSET, flagOne);
        // shard 1 from sequence 20000 to the end of shard 3, plus all of shard 5
        byte[] from = ByteBuffer.allocate(5).put((byte) 1).putInt(20_000).array();
        List<KeyRange> ranges = List.of(new KeyRange(from, new byte[] {4}), KeyRange.prefix(new byte[] {5}));
        List<TestRows.Row> selected = rows.stream()
                .filter(r -> (java.util.Arrays.compareUnsigned(r.key(), from) >= 0 && r.key()[0] < 4)
                        || r.key()[0] == 5)
                .toList();

        NavigableMap<byte[], byte[]> regionSide = scanner.aggregate(ranges, request);

        assertThat(decode(regionSide)).isEqualTo(expected(selected, (byte) 1));
        assertThat(decode(scanner.aggregateClientSide(ranges, request))).isEqualTo(expected(selected, (byte) 1));
    }

    @Test
    void emptyRangeGivesNoGroups() {
        AggregationRequest request = LongSumAggregator.request(TestRows.GROUP_OFFSET, TestRows.GROUP_LENGTH, 0,
                new byte[0]);
        assertThat(scanner.aggregate(List.of(KeyRange.prefix(new byte[] {9})), request)).isEmpty();
    }

    @Test
    void malformedRequestFailsWithTheReason() {
        AggregationRequest bad = AggregationRequest.of(LongSumAggregator.Factory.class, new byte[3]);
        assertThatThrownBy(() -> scanner.aggregate(List.of(KeyRange.all()), bad))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("LongSumAggregator payload has 3 bytes, expected at least 12");
        AggregationRequest notAFactory = new AggregationRequest("java.lang.String", new byte[0]);
        assertThatThrownBy(() -> notAFactory.newAggregator(getClass().getClassLoader()))
                .hasMessageContaining("java.lang.String does not implement " + RegionAggregatorFactory.class.getName());
    }

    @Test
    void regionServerRejectsARequestItCannotLoad() throws IOException {
        // Built by hand, as a foreign client could: the region server refuses it without retrying.
        byte[] attribute = new AggregationRequest("no.such.Factory", new byte[0]).toBytes();
        org.apache.hadoop.hbase.client.Scan scan = new org.apache.hadoop.hbase.client.Scan()
                .setAttribute(AggregationRequest.ATTRIBUTE, attribute);
        try (org.apache.hadoop.hbase.client.Table table = connection.getTable(TABLE)) {
            assertThatThrownBy(() -> {
                try (var results = table.getScanner(scan)) {
                    results.next();
                }
            }).hasStackTraceContaining("aggregator factory no.such.Factory is not on the classpath");
        }
    }

    @Test
    void requestBytesRoundTrip() {
        AggregationRequest request = LongSumAggregator.request(1, 2, 3, new byte[] {9, 8});
        AggregationRequest back = AggregationRequest.fromBytes(request.toBytes());
        assertThat(back.factoryClass()).isEqualTo(LongSumAggregator.Factory.class.getName());
        assertThat(back.payload()).isEqualTo(request.payload());
        assertThatThrownBy(() -> AggregationRequest.fromBytes(new byte[] {7, 0, 0, 0, 1}))
                .hasMessageContaining("is not a Haechi aggregation request");
        assertThat(HaechiException.class).isNotNull();
    }
}
