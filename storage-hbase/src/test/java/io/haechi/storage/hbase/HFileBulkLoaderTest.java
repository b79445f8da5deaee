package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.hbase.HRegionLocation;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.RegionLocator;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 180, unit = TimeUnit.SECONDS)
class HFileBulkLoaderTest {
    @TempDir
    Path staging;

    private final Connection connection = InProcessHBase.shared().connection();
    private final List<TableName> created = new ArrayList<>();

    private TableName newTable(String name, List<byte[]> splits) throws IOException {
        TableName table = TableName.valueOf("bulk_" + name + "_" + System.nanoTime());
        try (Admin admin = connection.getAdmin()) {
            HBaseTables.create(admin, table, splits);
        }
        created.add(table);
        return table;
    }

    @AfterEach
    void dropTables() throws IOException {
        try (Admin admin = connection.getAdmin()) {
            for (TableName table : created) {
                HBaseTables.drop(admin, table);
            }
        }
    }

    @Test
    void rowsLandInTheirRegionsAndReadBackEqual() throws IOException {
        int shards = 5;
        List<TestRows.Row> rows = TestRows.generate(30_000, shards, 50, 7);
        TableName table = newTable("regions", TestRows.shardSplits(shards));

        LoadResult result;
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, table, staging)) {
            for (TestRows.Row row : rows) {
                load.append(row.key(), TestRows.QUALIFIER, TestRows.longBytes(row.value()));
            }
            result = load.commit();
        }

        assertThat(result.cells()).isEqualTo(rows.size());
        assertThat(result.files()).isEqualTo(shards);
        assertThat(stagingFiles()).isEmpty();
        assertThat(readAll(table, new Scan())).containsExactlyElementsOf(rows);
        try (RegionLocator locator = connection.getRegionLocator(table)) {
            List<HRegionLocation> regions = locator.getAllRegionLocations();
            assertThat(regions).hasSize(shards);
            for (HRegionLocation region : regions) {
                byte[] start = region.getRegion().getStartKey();
                byte[] end = region.getRegion().getEndKey();
                List<TestRows.Row> expected = rows.stream()
                        .filter(r -> Arrays.compareUnsigned(r.key(), start) >= 0
                                && (end.length == 0 || Arrays.compareUnsigned(r.key(), end) < 0))
                        .toList();
                assertThat(expected).isNotEmpty();
                // Scan the region's own range: what HBase holds there is exactly the rows whose keys fall in it.
                assertThat(readAll(table, new Scan().withStartRow(start).withStopRow(end)))
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void loadsIntoATableWhoseSplitsDoNotFollowTheData() throws IOException {
        // Split points inside a shard: files roll in the middle of a shard's rows.
        List<TestRows.Row> rows = TestRows.generate(5_000, 2, 10, 11);
        List<byte[]> keys = rows.stream().map(TestRows.Row::key).toList();
        TableName table = newTable("uneven", HFileBulkLoader.evenSplits(keys, 7));
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, table, staging)) {
            rows.forEach(r -> load.append(r.key(), TestRows.QUALIFIER, TestRows.longBytes(r.value())));
            assertThat(load.commit().files()).isEqualTo(7);
        }
        assertThat(readAll(table, new Scan())).containsExactlyElementsOf(rows);
    }

    @Test
    void prefixEncodedTableLoadsToo() throws IOException {
        List<TestRows.Row> rows = TestRows.generate(2_000, 3, 10, 3);
        TableName table = TableName.valueOf("bulk_prefix_" + System.nanoTime());
        try (Admin admin = connection.getAdmin()) {
            HBaseTables.create(admin, table, TestRows.shardSplits(3), DataBlockEncoding.PREFIX);
        }
        created.add(table);
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, table, staging)) {
            rows.forEach(r -> load.append(r.key(), TestRows.QUALIFIER, TestRows.longBytes(r.value())));
            load.commit();
        }
        assertThat(readAll(table, new Scan())).containsExactlyElementsOf(rows);
    }

    @Test
    void nonAscendingKeysAreRejectedNamingBothKeys() throws IOException {
        TableName table = newTable("order", List.of());
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, table, staging)) {
            load.append(new byte[] {'b', 1}, TestRows.QUALIFIER, TestRows.longBytes(1));
            assertThatThrownBy(() -> load.append(new byte[] {'a', 2}, TestRows.QUALIFIER, TestRows.longBytes(2)))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                    .hasMessage("load into table " + table.getNameAsString() + ": cells must come in strictly "
                            + "ascending (row, qualifier) order, but row a\\x02 qualifier m came after row b\\x01 "
                            + "qualifier m");
            assertThatThrownBy(() -> load.append(new byte[] {'b', 1}, TestRows.QUALIFIER, TestRows.longBytes(2)))
                    .hasMessageContaining("row b\\x01 qualifier m repeats row b\\x01 qualifier m");
        }
        // Closed without commit: nothing loaded, nothing left in staging.
        assertThat(readAll(table, new Scan())).isEmpty();
        assertThat(stagingFiles()).isEmpty();
    }

    @Test
    void emptyLoadCommitsNothing() throws IOException {
        TableName table = newTable("empty", TestRows.shardSplits(3));
        try (HFileBulkLoader load = HFileBulkLoader.open(connection, table, staging)) {
            LoadResult result = load.commit();
            assertThat(result.cells()).isZero();
            assertThat(result.files()).isZero();
        }
        assertThat(readAll(table, new Scan())).isEmpty();
    }

    @Test
    void putPathWritesTheSameRows() throws IOException {
        List<TestRows.Row> rows = TestRows.generate(1_000, 3, 10, 5);
        TableName table = newTable("puts", TestRows.shardSplits(3));
        try (PutLoader load = PutLoader.open(connection, table)) {
            rows.forEach(r -> load.append(r.key(), TestRows.QUALIFIER, TestRows.longBytes(r.value())));
            assertThat(load.commit().cells()).isEqualTo(rows.size());
        }
        assertThat(readAll(table, new Scan())).containsExactlyElementsOf(rows);
    }

    @Test
    void splitKeysMustAscendAndDropReportsMissingTables() throws IOException {
        try (Admin admin = connection.getAdmin()) {
            TableName table = TableName.valueOf("bulk_badsplit");
            assertThatThrownBy(() -> HBaseTables.create(admin, table, List.of(new byte[] {2}, new byte[] {1})))
                    .hasMessage("split keys of table bulk_badsplit must be strictly ascending, but key 1 \\x01 "
                            + "follows \\x02");
            assertThat(HBaseTables.drop(admin, TableName.valueOf("bulk_never_created"))).isFalse();
            TableName dropped = newTable("drop", List.of());
            assertThat(HBaseTables.drop(admin, dropped)).isTrue();
            assertThat(HBaseTables.exists(admin, dropped)).isFalse();
        }
    }

    private List<Path> stagingFiles() throws IOException {
        try (Stream<Path> files = Files.walk(staging)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private List<TestRows.Row> readAll(TableName table, Scan scan) throws IOException {
        List<TestRows.Row> rows = new ArrayList<>();
        try (Table t = connection.getTable(table); ResultScanner scanner = t.getScanner(scan.setCaching(5000))) {
            for (Result result : scanner) {
                rows.add(new TestRows.Row(result.getRow(),
                        ByteBuffer.wrap(result.getValue(HBaseTables.FAMILY, TestRows.QUALIFIER)).getLong()));
            }
        }
        return rows;
    }
}
