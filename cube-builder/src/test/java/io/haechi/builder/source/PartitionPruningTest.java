package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PartitionPruningTest {
    private static final LocalDate JAN1 = LocalDate.of(2026, 1, 1);

    private final SourceReader avro = SourceReaders.defaults().forFormat(SourceFormat.AVRO);

    @TempDir
    Path dir;

    /** event_date=2026-01-0d directories with 3 rows each, rows dated by their directory. */
    private TableDesc dailyLayout() throws Exception {
        for (int d = 0; d < 5; d++) {
            LocalDate day = JAN1.plusDays(d);
            int base = d * 10;
            AvroFixtures.write(dir.resolve("event_date=" + day + "/part-0.avro"), AvroFixtures.EVENT, 3, 2,
                    (r, i) -> {
                        AvroSourceReaderTest.event(r, base + i);
                        r.put("event_date", day);
                    });
        }
        return AvroSchemaInference.infer(dir.toString(), "events");
    }

    @Test
    void prunesDailyDirectoriesOutsideTheRange() throws Exception {
        TableDesc table = dailyLayout();
        SourceScan scan = SourceScan.range(table,
                new PartitionFilter("event_date", new DateInterval(JAN1.plusDays(1), JAN1.plusDays(3))));

        assertThat(avro.splits(scan)).extracting(s -> dir.relativize(Path.of(s.file().path())).toString())
                .containsExactly("event_date=2026-01-02/part-0.avro", "event_date=2026-01-03/part-0.avro");
        assertThat(avro.splits(scan)).extracting(SourceSplit::partition)
                .containsExactly(DateInterval.day(JAN1.plusDays(1)), DateInterval.day(JAN1.plusDays(2)));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, scan, rejects);
        assertThat(rows).extracting(r -> r.values()[1]).containsExactly(10, 11, 12, 20, 21, 22);
        RejectReport report = rejects.report();
        assertThat(report.rowsRead()).isEqualTo(6);
        assertThat(report.rowsFiltered()).isZero();
        assertThat(report.rejectedRows()).isZero();
        assertThat(avro.splits(SourceScan.all(table))).hasSize(5);
    }

    @Test
    void aRowOutsideItsDirectoryIsRejectedAndRowsOfUnpartitionedFilesAreFiltered() throws Exception {
        AvroFixtures.write(dir.resolve("event_date=2026-01-02/part-0.avro"), AvroFixtures.EVENT, 3, 10, (r, i) -> {
            AvroSourceReaderTest.event(r, i);
            r.put("event_date", i == 1 ? JAN1.plusDays(4) : JAN1.plusDays(1));
        });
        AvroFixtures.write(dir.resolve("loose.avro"), AvroFixtures.EVENT, 4, 10, (r, i) -> {
            AvroSourceReaderTest.event(r, 100 + i);
            r.put("event_date", JAN1.plusDays(i));
        });
        TableDesc table = AvroSchemaInference.infer(dir.toString(), "events");
        SourceScan scan = SourceScan.range(table,
                new PartitionFilter("EVENT_DATE", new DateInterval(JAN1.plusDays(1), JAN1.plusDays(2))));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, scan, rejects);

        assertThat(rows).extracting(r -> r.values()[1]).containsExactly(0, 2, 101);
        RejectReport report = rejects.report();
        assertThat(report.rowsRead()).isEqualTo(7);
        assertThat(report.rowsFiltered()).isEqualTo(3);
        assertThat(report.rejectedRows()).isEqualTo(1);
        assertThat(report.rowsAccepted()).isEqualTo(3);
        assertThat(report.samples(RejectReason.PARTITION_MISMATCH)).singleElement().satisfies(s -> {
            assertThat(s.origin().file()).endsWith("event_date=2026-01-02/part-0.avro");
            assertThat(s.origin().number()).isEqualTo(2);
            assertThat(s.column()).isEqualTo("event_date");
            assertThat(s.value()).isEqualTo("2026-01-05");
            assertThat(s.expected()).contains("[2026-01-02, 2026-01-03)");
        });
    }

    @Test
    void monthlyDirectoriesOfAnIntegerYyyymmddColumnAsInSsb() throws Exception {
        Schema lineorder = SchemaBuilder.record("lineorder").fields()
                .requiredInt("lo_orderkey").requiredInt("lo_orderdate").endRecord();
        for (String ym : List.of("199201", "199202", "199203")) {
            int month = Integer.parseInt(ym) * 100;
            AvroFixtures.write(dir.resolve("yearmonth=" + ym + "/lineorder.avro"), lineorder, 3, 10, (r, i) -> {
                r.put("lo_orderkey", month + i);
                r.put("lo_orderdate", month + 1 + i * 14);
            });
        }
        TableDesc table = AvroSchemaInference.infer(dir.toString(), "lineorder");
        SourceScan scan = SourceScan.range(table, new PartitionFilter("lo_orderdate",
                new DateInterval(LocalDate.of(1992, 2, 15), LocalDate.of(1992, 3, 2))));

        assertThat(avro.splits(scan)).extracting(s -> s.file().path())
                .allSatisfy(p -> assertThat(p).doesNotContain("199201"))
                .hasSize(2);
        RejectCollector rejects = new RejectCollector();
        assertThat(TestSupport.readAll(avro, scan, rejects)).extracting(r -> r.values()[1])
                .containsExactly(19920215, 19920229, 19920301);
        assertThat(rejects.report().rowsFiltered()).isEqualTo(3);
    }

    @Test
    void nestedYearMonthDayDirectories() throws Exception {
        for (String path : List.of("year=2025/month=12/day=31", "year=2026/month=1/day=1", "year=2026/month=1/day=2",
                "year=2026/month=02/day=01")) {
            String[] p = path.replaceAll("[a-z]+=", "").split("/");
            LocalDate day = LocalDate.of(Integer.parseInt(p[0]), Integer.parseInt(p[1]), Integer.parseInt(p[2]));
            AvroFixtures.write(dir.resolve(path + "/x.avro"), AvroFixtures.EVENT, 1, 10, (r, i) -> {
                AvroSourceReaderTest.event(r, day.getDayOfMonth());
                r.put("event_date", day);
            });
        }
        TableDesc table = AvroSchemaInference.infer(dir.toString(), "events");
        SourceScan scan = SourceScan.range(table,
                new PartitionFilter("event_date", new DateInterval(JAN1, JAN1.plusDays(1))));
        assertThat(avro.splits(scan)).singleElement().satisfies(s -> {
            assertThat(s.file().path()).contains("year=2026" + java.io.File.separator + "month=1"
                    + java.io.File.separator + "day=1");
            assertThat(s.partition()).isEqualTo(DateInterval.day(JAN1));
        });
    }

    @Test
    void directoryNamesThatSayNothingAboutDatesAreNeverPruned() {
        java.util.Set<String> keys = new PartitionFilter("event_date", DateInterval.day(JAN1)).directoryKeys();
        assertThat(PartitionDirectories.interval("region=kr", keys, null)).isNull();
        assertThat(PartitionDirectories.interval("advertiser_id=2026", keys, null)).isNull();
        assertThat(PartitionDirectories.interval("event_date=__HIVE_DEFAULT_PARTITION__", keys, null)).isNull();
        assertThat(PartitionDirectories.interval("EVENT_DATE=2026-01-05", keys, null))
                .isEqualTo(DateInterval.day(LocalDate.of(2026, 1, 5)));
        assertThat(PartitionDirectories.interval("dt=20260105", keys, null))
                .isEqualTo(DateInterval.day(LocalDate.of(2026, 1, 5)));
        assertThat(PartitionDirectories.interval("ym=2026-02", keys, null))
                .isEqualTo(new DateInterval(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 3, 1)));
        assertThat(PartitionDirectories.interval("month=3", keys, null)).isNull();
        assertThat(PartitionDirectories.interval("dt=2026-02-30", keys, null)).isNull();
        java.util.Set<String> own = PartitionFilter.onColumnDirectoriesOnly("event_date", DateInterval.day(JAN1))
                .directoryKeys();
        assertThat(own).containsExactly("event_date");
        assertThat(PartitionDirectories.interval("dt=20260105", own, null)).isNull();
    }

    @Test
    void anIngestionDateLayoutIsReadWhollyWhenOnlyTheColumnsOwnDirectoriesPrune() throws Exception {
        // dt is the day the events arrived; late events carry an earlier event_date.
        for (int d = 0; d < 3; d++) {
            LocalDate arrival = JAN1.plusDays(d);
            int base = d * 10;
            AvroFixtures.write(dir.resolve("dt=" + arrival + "/p.avro"), AvroFixtures.EVENT, 2, 10, (r, i) -> {
                AvroSourceReaderTest.event(r, base + i);
                r.put("event_date", i == 1 ? arrival.minusDays(1) : arrival);
            });
        }
        TableDesc table = AvroSchemaInference.infer(dir.toString(), "events");
        DateInterval jan2 = DateInterval.day(JAN1.plusDays(1));

        RejectCollector strict = new RejectCollector();
        List<SourceRow> pruned = TestSupport.readAll(avro,
                SourceScan.range(table, new PartitionFilter("event_date", jan2)), strict);
        assertThat(pruned).extracting(r -> r.values()[1]).containsExactly(10);
        assertThat(strict.report().rejectedRows(RejectReason.PARTITION_MISMATCH)).isEqualTo(1);

        RejectCollector own = new RejectCollector();
        List<SourceRow> all = TestSupport.readAll(avro,
                SourceScan.range(table, PartitionFilter.onColumnDirectoriesOnly("event_date", jan2)), own);
        assertThat(all).extracting(r -> r.values()[1]).containsExactly(10, 21);
        assertThat(own.report().rejectedRows()).isZero();
        assertThat(own.report().rowsFiltered()).isEqualTo(4);
    }

    @Test
    void nullPartitionValueIsRejectedWhenBuildingARange() throws Exception {
        Schema schema = SchemaBuilder.record("r").fields().requiredInt("id").optionalString("day").endRecord();
        AvroFixtures.write(dir.resolve("r.avro"), schema, 3, 10, (r, i) -> {
            r.put("id", i);
            r.put("day", i == 1 ? null : i == 2 ? "someday" : "2026-01-01");
        });
        TableDesc table = new TableDesc("r", dir.toString(), SourceFormat.AVRO, List.of(
                new ColumnDesc("id", DataType.INT, false), new ColumnDesc("day", DataType.VARCHAR, true)));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro,
                SourceScan.range(table, new PartitionFilter("day", DateInterval.day(JAN1))), rejects);
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly(0);
        assertThat(rejects.report().rejectedRows(RejectReason.NULL_PARTITION_VALUE)).isEqualTo(1);
        assertThat(rejects.report().samples(RejectReason.WRONG_TYPE)).singleElement()
                .satisfies(s -> assertThat(s.value()).isEqualTo("someday"));
    }

    @Test
    void hiveLayoutPartitionColumnOnlyInDirectoryNames() throws Exception {
        Schema noDate = SchemaBuilder.record("event").fields().requiredInt("campaign_id").endRecord();
        for (int d = 0; d < 3; d++) {
            int base = d * 10;
            AvroFixtures.write(dir.resolve("event_date=" + JAN1.plusDays(d) + "/region=k%2Fr/p.avro"), noDate, 2, 10,
                    (r, i) -> r.put("campaign_id", base + i));
        }
        AvroFixtures.write(dir.resolve("event_date=__HIVE_DEFAULT_PARTITION__/region=kr/p.avro"), noDate, 1, 10,
                (r, i) -> r.put("campaign_id", 99));
        TableDesc table = new TableDesc("events", dir.toString(), SourceFormat.AVRO, List.of(
                new ColumnDesc("event_date", DataType.DATE, true), new ColumnDesc("campaign_id", DataType.INT, false),
                new ColumnDesc("region", DataType.VARCHAR, false)));

        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, SourceScan.range(table,
                new PartitionFilter("event_date", new DateInterval(JAN1.plusDays(1), JAN1.plusDays(5)))), rejects);
        assertThat(rows).extracting(r -> List.of(r.values()))
                .containsExactly(List.of(JAN1.plusDays(1), 10, "k/r"), List.of(JAN1.plusDays(1), 11, "k/r"),
                        List.of(JAN1.plusDays(2), 20, "k/r"), List.of(JAN1.plusDays(2), 21, "k/r"));
        // The default partition is never pruned: its rows have a NULL date and belong to no range.
        assertThat(rejects.report().rejectedRows(RejectReason.NULL_PARTITION_VALUE)).isEqualTo(1);

        List<SourceRow> all = TestSupport.readAll(avro, SourceScan.all(table), new RejectCollector());
        assertThat(all).hasSize(7);
        assertThat(all.get(6).values()).containsExactly(null, 99, "kr");
    }

    @Test
    void hiveLayoutWithCsvWithAndWithoutHeader() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("a/dt=2026-01-01"));
        java.nio.file.Files.createDirectories(dir.resolve("b/dt=2026-01-02"));
        java.nio.file.Files.writeString(dir.resolve("a/dt=2026-01-01/x.csv"), "clicks,id\n5,1\n");
        java.nio.file.Files.writeString(dir.resolve("b/dt=2026-01-02/x.csv"), "2,6\n");
        List<ColumnDesc> columns = List.of(new ColumnDesc("id", DataType.INT, false),
                new ColumnDesc("dt", DataType.DATE, false), new ColumnDesc("clicks", DataType.BIGINT, false));
        SourceReader withHeader = SourceReaders.defaults().forFormat(SourceFormat.CSV);
        SourceReader noHeader = new SourceReaders(SourceFileSystems.local(), CsvOptions.DEFAULT.withHeader(false))
                .forFormat(SourceFormat.CSV);
        TableDesc a = new TableDesc("a", dir.resolve("a").toString(), SourceFormat.CSV, columns);
        TableDesc b = new TableDesc("b", dir.resolve("b").toString(), SourceFormat.CSV, columns);
        assertThat(TestSupport.readAll(withHeader, SourceScan.all(a), new RejectCollector()))
                .singleElement().satisfies(r -> assertThat(r.values()).containsExactly(1, JAN1, 5L));
        assertThat(TestSupport.readAll(noHeader, SourceScan.all(b), new RejectCollector()))
                .singleElement().satisfies(r -> assertThat(r.values()).containsExactly(2, JAN1.plusDays(1), 6L));
    }

    @Test
    void parallelReadersOfAllSplitsShareOneCollector() throws Exception {
        for (int d = 0; d < 8; d++) {
            LocalDate day = JAN1.plusDays(d);
            int base = d * 1000;
            AvroFixtures.write(dir.resolve("event_date=" + day + "/p.avro"), AvroFixtures.EVENT, 500, 64, (r, i) -> {
                AvroSourceReaderTest.event(r, base + i);
                r.put("event_date", i % 50 == 0 ? day.plusDays(30) : day);
            });
        }
        TableDesc table = AvroSchemaInference.infer(dir.toString(), "events");
        SourceScan scan = SourceScan.range(table,
                new PartitionFilter("event_date", new DateInterval(JAN1, JAN1.plusDays(6))));
        RejectCollector shared = new RejectCollector();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        java.util.concurrent.atomic.LongAdder accepted = new java.util.concurrent.atomic.LongAdder();
        try {
            List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
            for (SourceSplit split : avro.splits(scan)) {
                futures.add(pool.submit(() -> {
                    try (RowStream s = avro.open(scan, split, shared)) {
                        for (SourceRow r = s.next(); r != null; r = s.next()) {
                            accepted.increment();
                        }
                    }
                }));
            }
            for (java.util.concurrent.Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        RejectReport parallel = shared.report();
        RejectCollector sequential = new RejectCollector();
        long sequentialRows = TestSupport.readAll(avro, scan, sequential).size();

        assertThat(accepted.sum()).isEqualTo(sequentialRows).isEqualTo(6 * 490);
        assertThat(parallel.rowsRead()).isEqualTo(sequential.report().rowsRead()).isEqualTo(6 * 500);
        assertThat(parallel.rejectedRows(RejectReason.PARTITION_MISMATCH)).isEqualTo(6 * 10);
        assertThat(parallel.rowsAccepted()).isEqualTo(accepted.sum());
        assertThat(parallel.samples()).hasSize(10);
    }
}
