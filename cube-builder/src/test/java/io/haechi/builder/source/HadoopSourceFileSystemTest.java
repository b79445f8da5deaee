package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers through a Hadoop FileSystem: {@code testfs:///p} ({@link RootedLocalFileSystem}) is the local
 * {@code <root>/p}, so every read must go through Hadoop; the rows must equal those read from the local path.
 */
class HadoopSourceFileSystemTest {
    private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);
    private static final List<ColumnDesc> CSV_COLUMNS = List.of(
            new ColumnDesc("id", DataType.INT, false),
            new ColumnDesc("name", DataType.varchar(20), true),
            new ColumnDesc("day", DataType.DATE, true));

    @TempDir
    Path root;

    private SourceFileSystems fileSystems;
    private SourceReaders readers;

    @BeforeEach
    void setUp() {
        fileSystems = SourceFileSystems.withHadoop(RootedLocalFileSystem.settings(root));
        readers = new SourceReaders(fileSystems, CsvOptions.DEFAULT);
    }

    /** event_date=2026-01-0d/part-0.avro for five days, 30 rows each in blocks of 7; and a loose file. */
    private void writeEvents(String dir) throws Exception {
        for (int d = 0; d < 5; d++) {
            LocalDate day = JAN1.plusDays(d);
            int base = d * 100;
            AvroFixtures.write(root.resolve(dir + "/event_date=" + day + "/part-0.avro"), AvroFixtures.EVENT, 30, 7,
                    (r, i) -> {
                        AvroSourceReaderTest.event(r, base + i);
                        r.put("event_date", day);
                        r.put("name", i % 4 == 0 ? null : "n" + (base + i));
                    });
        }
    }

    private static List<List<Object>> values(List<SourceRow> rows) {
        return rows.stream().map(r -> Arrays.asList(r.values())).toList();
    }

    private TableDesc at(TableDesc table, String location) {
        return new TableDesc(table.name(), location, table.format(), table.columns());
    }

    @Test
    void avroRowsAndInferredSchemaEqualTheLocalRead() throws Exception {
        writeEvents("data/events");
        TableDesc local = AvroSchemaInference.infer(root.resolve("data/events").toString(), "events");
        TableDesc remote = new AvroSchemaInference(fileSystems).inferTable("testfs:///data/events/", "events");
        assertThat(remote.columns()).isEqualTo(local.columns());
        assertThat(remote.location()).isEqualTo("testfs:///data/events/");
        // The Hadoop path is not a local one: reading it as such would fail.
        assertThat(Files.exists(Path.of("/data/events/event_date=2026-01-01/part-0.avro"))).isFalse();

        SourceReader avro = readers.forFormat(SourceFormat.AVRO);
        RejectCollector localRejects = new RejectCollector();
        RejectCollector remoteRejects = new RejectCollector();
        List<SourceRow> localRows = TestSupport.readAll(avro, SourceScan.all(local), localRejects);
        List<SourceRow> remoteRows = TestSupport.readAll(avro, SourceScan.all(remote), remoteRejects);

        assertThat(localRows).hasSize(150);
        assertThat(values(remoteRows)).isEqualTo(values(localRows));
        assertThat(remoteRejects.report().rowsRead()).isEqualTo(150);
        assertThat(remoteRejects.report().rejectedRows()).isZero();
        assertThat(remoteRows.get(31).origin().toString())
                .isEqualTo("testfs:///data/events/event_date=2026-01-02/part-0.avro row 2");
        assertThat(avro.splits(SourceScan.all(remote))).extracting(s -> s.file().length())
                .containsExactlyElementsOf(avro.splits(SourceScan.all(local)).stream()
                        .map(s -> s.file().length()).toList());
    }

    @Test
    void partitionDirectoriesArePrunedThroughHadoop() throws Exception {
        writeEvents("events");
        TableDesc table = at(AvroSchemaInference.infer(root.resolve("events").toString(), "events"),
                "testfs:///events");
        SourceScan scan = SourceScan.range(table,
                new PartitionFilter("event_date", new DateInterval(JAN1.plusDays(1), JAN1.plusDays(3))));
        SourceReader avro = readers.forFormat(SourceFormat.AVRO);

        assertThat(avro.splits(scan)).extracting(s -> s.file().path()).containsExactly(
                "testfs:///events/event_date=2026-01-02/part-0.avro",
                "testfs:///events/event_date=2026-01-03/part-0.avro");
        assertThat(avro.splits(scan)).extracting(SourceSplit::partition)
                .containsExactly(DateInterval.day(JAN1.plusDays(1)), DateInterval.day(JAN1.plusDays(2)));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, scan, rejects);
        assertThat(rows).extracting(r -> r.values()[1]).hasSize(60).allSatisfy(id ->
                assertThat((Integer) id).isBetween(100, 229));
        assertThat(rejects.report().rowsRead()).isEqualTo(60);
        assertThat(rejects.report().rowsFiltered()).isZero();
    }

    @Test
    void aCorruptAvroBlockIsReportedWithTheHadoopUri() throws Exception {
        Path file = AvroFixtures.write(root.resolve("bad/cut.avro"), AvroFixtures.EVENT, 100, 10,
                AvroSourceReaderTest::event);
        byte[] bytes = Files.readAllBytes(file);
        // Cut the file in the middle of its last block.
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
        Path probe = AvroFixtures.write(root.resolve("probe/p.avro"), AvroFixtures.EVENT, 1, 1,
                AvroSourceReaderTest::event);
        TableDesc local = AvroSchemaInference.infer(probe.toString(), "events");
        SourceReader avro = readers.forFormat(SourceFormat.AVRO);

        RejectCollector localRejects = new RejectCollector();
        List<SourceRow> localRows = TestSupport.readAll(avro, SourceScan.all(at(local, root.resolve("bad")
                .toString())), localRejects);
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, SourceScan.all(at(local, "testfs:///bad")), rejects);

        assertThat(values(rows)).isEqualTo(values(localRows)).hasSize(90);
        RejectReport report = rejects.report();
        assertThat(report.rowsRead()).isEqualTo(100);
        assertThat(report.rejectedRows(RejectReason.CORRUPT_BLOCK)).isEqualTo(10);
        assertThat(report.samples()).singleElement().satisfies(s ->
                assertThat(s.origin().toString()).isEqualTo("testfs:///bad/cut.avro block 10"));
        assertThat(localRejects.report().samples()).singleElement().satisfies(s ->
                assertThat(s.origin().toString()).isEqualTo(file + " block 10"));
    }

    @Test
    void csvRowsAndBadLinesThroughHadoop() throws Exception {
        Files.createDirectories(root.resolve("csv/day=2026-01-02"));
        Files.writeString(root.resolve("csv/day=2026-01-02/a.csv"), "id,name,day\n"
                + "1,one,2026-01-02\n"
                + "x,bad,2026-01-02\n"
                + "3,\"three, quoted\",2026-01-02\n");
        Files.createDirectories(root.resolve("csv/day=2026-01-05"));
        Files.writeString(root.resolve("csv/day=2026-01-05/b.csv"), "id,name,day\n4,four,2026-01-05\n");
        SourceReader csv = readers.forFormat(SourceFormat.CSV);
        TableDesc remote = new TableDesc("t", "testfs:///csv", SourceFormat.CSV, CSV_COLUMNS);
        TableDesc local = at(remote, root.resolve("csv").toString());

        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(csv, SourceScan.all(remote), rejects);
        assertThat(values(rows)).isEqualTo(values(TestSupport.readAll(csv, SourceScan.all(local),
                new RejectCollector())));
        assertThat(rows).extracting(r -> r.values()[1]).containsExactly("one", "three, quoted", "four");
        assertThat(rejects.report().samples(RejectReason.WRONG_TYPE)).singleElement().satisfies(s ->
                assertThat(s.origin().toString()).isEqualTo("testfs:///csv/day=2026-01-02/a.csv line 3"));

        SourceScan pruned = SourceScan.range(remote, new PartitionFilter("day",
                new DateInterval(JAN1.plusDays(4), JAN1.plusDays(5))));
        assertThat(TestSupport.readAll(csv, pruned, new RejectCollector())).extracting(r -> r.values()[0])
                .containsExactly(4);
    }

    @Test
    void missingLocationsUnknownSchemesAndUnreachableHostsAreClearErrors() {
        SourceReader avro = readers.forFormat(SourceFormat.AVRO);
        List<ColumnDesc> columns = List.of(new ColumnDesc("x", DataType.INT, true));

        assertThatThrownBy(() -> avro.splits(SourceScan.all(new TableDesc("t", "testfs:///nowhere",
                SourceFormat.AVRO, columns))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("'testfs:///nowhere' does not exist");
        assertThatThrownBy(() -> avro.splits(SourceScan.all(new TableDesc("t", "nosuch://x/y", SourceFormat.AVRO,
                columns))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SOURCE))
                .hasMessageContaining("'nosuch://x/y'")
                .hasMessageContaining("no Hadoop FileSystem serves the scheme 'nosuch:'")
                .hasMessageContaining("fs.nosuch.impl");
        assertThatThrownBy(() -> new AvroSchemaInference(fileSystems).inferTable("nosuch://x/y", "t"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SOURCE));
        assertThatThrownBy(() -> avro.splits(SourceScan.all(new TableDesc("t",
                "hdfs://no-such-namenode.invalid:8020/data/t", SourceFormat.AVRO, columns))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_READ_FAILED))
                .hasMessageContaining("'hdfs://no-such-namenode.invalid:8020/data/t'")
                .hasMessageContaining("no-such-namenode.invalid");
        // Without the Hadoop file system, a URI is refused by name.
        assertThatThrownBy(() -> SourceFileSystems.local().forLocation("hdfs://nn/x"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SOURCE))
                .hasMessageContaining("'hdfs://nn/x'");
    }

    @Test
    void onlyHadoopSettingsReachTheConfigurationAndRootsKeepTheirSlash() {
        HadoopSourceFileSystem fs = new HadoopSourceFileSystem(Map.of("fs.defaultFS", "hdfs://nn:8020",
                "dfs.replication", "2", "hadoop.security.authentication", "simple", "hbase.rootdir", "/x",
                "haechi.data.dir", "d"));
        assertThat(fs.hadoopSettings()).containsOnlyKeys("fs.defaultFS", "dfs.replication",
                "hadoop.security.authentication");
        assertThat(fs.accepts("hdfs://nn/x")).isTrue();
        assertThat(fs.accepts("file:///x")).isFalse();
        assertThat(fs.accepts("/x")).isFalse();
        assertThat(HadoopSourceFileSystem.withoutTrailingSlash("hdfs://nn/a/b//")).isEqualTo("hdfs://nn/a/b");
        assertThat(HadoopSourceFileSystem.withoutTrailingSlash("hdfs://nn/")).isEqualTo("hdfs://nn/");
        assertThat(HadoopSourceFileSystem.withoutTrailingSlash("testfs:///")).isEqualTo("testfs:///");
        assertThat(HadoopSourceFileSystem.withoutTrailingSlash("testfs:/a/")).isEqualTo("testfs:/a");
    }
}
