package io.haechi.storage.hbase;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.NavigableMap;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;

/**
 * Not a test: the numbers in the README (embedded start, bulk load rows/s, region-side vs client-side aggregation).
 * Run with the test classpath: {@code java -cp ... io.haechi.storage.hbase.StoreMeasurements [rows] [dataDir]}.
 */
public final class StoreMeasurements {
    private StoreMeasurements() {
    }

    public static void main(String[] args) throws Exception {
        int rowCount = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("haechi-measure-");
        EmbeddedHBaseConfig config = EmbeddedHBaseConfig.defaults(dataDir).withZookeeperPort(21899);
        List<TestRows.Row> rows = TestRows.generate(rowCount, 8, 1000, 1);
        AggregationRequest request = LongSumAggregator.request(TestRows.GROUP_OFFSET, TestRows.GROUP_LENGTH, 0,
                new byte[0]);
        try (EmbeddedHBase hbase = EmbeddedHBase.start(config)) {
            System.out.printf("embedded cold start: %d ms%n", hbase.startupTime().toMillis());
            for (DataBlockEncoding encoding : List.of(DataBlockEncoding.NONE, DataBlockEncoding.PREFIX,
                    DataBlockEncoding.FAST_DIFF)) {
                TableName table = TableName.valueOf("haechi", "measure_" + encoding.name().toLowerCase());
                try (Admin admin = hbase.connection().getAdmin()) {
                    HBaseTables.drop(admin, table);
                    HBaseTables.create(admin, table, TestRows.shardSplits(8), encoding);
                }
                long begin = System.nanoTime();
                LoadResult result;
                try (HFileBulkLoader load = HFileBulkLoader.open(hbase.connection(), table, dataDir.resolve("tmp"))) {
                    for (TestRows.Row row : rows) {
                        load.append(row.key(), TestRows.QUALIFIER, TestRows.longBytes(row.value()));
                    }
                    result = load.commit();
                }
                long millis = (System.nanoTime() - begin) / 1_000_000;
                long stored = directorySize(dataDir.resolve("hbase/data/haechi/" + table.getQualifierAsString()));
                System.out.printf("bulk load %s: %d rows in %d ms = %.0f rows/s (write %d ms, load %d ms), "
                        + "%d bytes on disk%n", encoding, rows.size(), millis, rows.size() * 1000.0 / millis,
                        result.writeTime().toMillis(), result.loadTime().toMillis(), stored);
                AggregatingScanner scanner = new AggregatingScanner(hbase.connection(), table, 4);
                for (int rep = 0; rep < 4; rep++) {
                    long t0 = System.nanoTime();
                    NavigableMap<byte[], byte[]> regionSide = scanner.aggregate(List.of(KeyRange.all()), request);
                    long t1 = System.nanoTime();
                    NavigableMap<byte[], byte[]> clientSide = scanner.aggregateClientSide(List.of(KeyRange.all()),
                            request);
                    long t2 = System.nanoTime();
                    if (regionSide.size() != clientSide.size()) {
                        throw new AssertionError("region-side and client-side differ");
                    }
                    System.out.printf("  aggregate %s rep %d: region-side %d ms, client-side %d ms (%d groups)%n",
                            encoding, rep, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, regionSide.size());
                }
            }
        }
        try (EmbeddedHBase hbase = EmbeddedHBase.start(config)) {
            System.out.printf("embedded restart with %d rows x 3 tables on disk: %d ms%n", rowCount,
                    hbase.startupTime().toMillis());
        }
    }

    private static long directorySize(Path dir) throws Exception {
        if (!Files.exists(dir)) {
            return -1;
        }
        try (var paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }
}
