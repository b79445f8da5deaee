package io.haechi.datagen.ssb;

import static io.haechi.datagen.DuckDb.doubleValue;
import static io.haechi.datagen.DuckDb.longValue;
import static io.haechi.datagen.DuckDb.stringValue;
import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.datagen.DuckDb;
import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.io.AvroSchemas;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.file.DataFileReader;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SF 0.05 generated once, read back with Avro, loaded into DuckDB and checked against ssb.md §1.1. */
class SsbGeneratorTest {
    private static final double SF = 0.05;

    @TempDir
    static Path dir;
    static GenerationReport report;
    static Connection db;
    static final AtomicLong progressRows = new AtomicLong();
    static final AtomicLong expectedRows = new AtomicLong();

    @BeforeAll
    static void generate() throws Exception {
        report = SsbGenerator.generate(new SsbOptions(SF, dir.resolve("out"), OutputFormat.AVRO),
                new ProgressListener() {
                    @Override
                    public void started(String generator, long expected) {
                        expectedRows.set(expected);
                    }

                    @Override
                    public void rowsWritten(String table, long rows) {
                        progressRows.addAndGet(rows);
                    }
                });
        db = DuckDb.open();
        for (var t : SsbTables.all()) {
            DuckDb.load(db, t, dir.resolve("out").resolve(t.name()));
        }
    }

    @AfterAll
    static void close() throws Exception {
        db.close();
    }

    @Test
    void rowCountsFollowTheScaleFactor() throws Exception {
        SsbScale s = SsbScale.of(SF);
        long lines = LineorderRows.countRows(s);
        assertThat(report.rows("lineorder")).isEqualTo(lines);
        assertThat(report.rows("customer")).isEqualTo(1_500);
        assertThat(report.rows("supplier")).isEqualTo(100);
        assertThat(report.rows("part")).isEqualTo(10_000);
        assertThat(report.rows("dates")).isEqualTo(2_557);
        assertThat(longValue(db, "select count(*) from lineorder")).isEqualTo(lines);
        assertThat(longValue(db, "select count(distinct lo_orderkey) from lineorder")).isEqualTo(75_000);
        // 1..7 lines per order, mean 4
        assertThat(lines).isBetween(75_000L * 39 / 10, 75_000L * 41 / 10);
        assertThat(progressRows.get()).isEqualTo(report.totalRows()).isEqualTo(expectedRows.get());
        assertThat(report.table("lineorder").orElseThrow().files()).isEqualTo(80);
        assertThat(report.totalBytes()).isGreaterThan(0);
    }

    @Test
    void lineorderIsPartitionedByMonthOfOrderDate() throws Exception {
        Path lineorder = dir.resolve("out/lineorder");
        List<String> months;
        try (Stream<Path> s = Files.list(lineorder)) {
            months = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(months).hasSize(80).startsWith("yearmonth=199201").endsWith("yearmonth=199808");
        Path march = lineorder.resolve("yearmonth=199403/part-00000.avro");
        try (DataFileReader<GenericRecord> r = new DataFileReader<>(march.toFile(), new GenericDatumReader<>())) {
            assertThat(r.getSchema()).isEqualTo(AvroSchemas.of(SsbTables.lineorder()));
            assertThat(r.getMetaString("avro.codec")).isEqualTo("deflate");
            long n = 0;
            for (GenericRecord rec : r) {
                assertThat((Integer) rec.get("lo_orderdate") / 100).isEqualTo(199403);
                n++;
            }
            assertThat(n).isEqualTo(longValue(db,
                    "select count(*) from lineorder where lo_orderdate between 19940301 and 19940331"));
        }
    }

    @Test
    void keysStayInTheirRangesAndJoinTheirLookups() throws Exception {
        assertThat(longValue(db, "select min(lo_custkey) from lineorder")).isGreaterThanOrEqualTo(1);
        assertThat(longValue(db, "select max(lo_custkey) from lineorder")).isLessThanOrEqualTo(1_500);
        assertThat(longValue(db, "select max(lo_partkey) from lineorder")).isLessThanOrEqualTo(10_000);
        assertThat(longValue(db, "select max(lo_suppkey) from lineorder")).isLessThanOrEqualTo(100);
        assertThat(longValue(db, "select count(*) from lineorder join customer on lo_custkey = c_custkey"
                + " join supplier on lo_suppkey = s_suppkey join part on lo_partkey = p_partkey"
                + " join dates on lo_orderdate = d_datekey")).isEqualTo(report.rows("lineorder"));
        assertThat(longValue(db, "select count(*) from lineorder l join dates on l.lo_commitdate = d_datekey"))
                .isEqualTo(report.rows("lineorder"));
        // custkey is never divisible by 3 (the only exception, max-1 when max is 1 mod 3, does not apply here)
        assertThat(longValue(db, "select count(*) from lineorder where lo_custkey % 3 = 0")).isZero();
        // so only 2/3 of the customers ever order; at 75,000 orders over 1,000 eligible customers all of them do
        assertThat(longValue(db, "select count(distinct lo_custkey) from lineorder")).isEqualTo(1_000);
        // sparse order keys: bits 3 and 4 are always 0
        assertThat(longValue(db, "select count(*) from lineorder where (lo_orderkey // 8) % 4 <> 0")).isZero();
        assertThat(longValue(db, "select max(lo_orderkey) from lineorder")).isEqualTo(SsbScale.orderKey(75_000));
    }

    @Test
    void valuesStayInTheirDomains() throws Exception {
        assertThat(longValue(db, "select min(lo_orderdate) from lineorder")).isEqualTo(19920101);
        assertThat(longValue(db, "select max(lo_orderdate) from lineorder")).isEqualTo(19980802);
        assertThat(longValue(db, "select count(distinct lo_discount) from lineorder where lo_discount between 0 and"
                + " 10")).isEqualTo(11);
        assertThat(longValue(db, "select count(*) from lineorder where lo_discount not between 0 and 10"
                + " or lo_quantity not between 1 and 50 or lo_tax not between 0 and 8 or lo_shippriority <> 0"))
                .isZero();
        assertThat(longValue(db, "select count(distinct lo_quantity) from lineorder")).isEqualTo(50);
        assertThat(longValue(db, "select count(*) from lineorder where date_diff('day',"
                + " strptime(lo_orderdate::varchar, '%Y%m%d'), strptime(lo_commitdate::varchar, '%Y%m%d'))"
                + " not between 30 and 90")).isZero();
        assertThat(longValue(db, "select count(distinct lo_orderpriority) from lineorder where lo_orderpriority in"
                + " ('1-URGENT','2-HIGH','3-MEDIUM','4-NOT SPECIFIED','5-LOW')")).isEqualTo(5);
        assertThat(longValue(db, "select count(distinct lo_shipmode) from lineorder where lo_shipmode in"
                + " ('REG AIR','AIR','RAIL','TRUCK','MAIL','FOB','SHIP')")).isEqualTo(7);
        assertThat(longValue(db, "select count(*) from (select lo_orderkey from lineorder group by lo_orderkey"
                + " having count(distinct lo_orderdate) > 1 or count(distinct lo_custkey) > 1"
                + " or max(lo_linenumber) <> count(*) or count(*) > 7)")).isZero();
        // 1998 holds only about seven months of orders: about 213 of 2,406 days
        double share1998 = doubleValue(db, "select avg(case when lo_orderdate >= 19980101 then 1 else 0 end)"
                + " from lineorder");
        assertThat(share1998).isBetween(0.080, 0.097);
    }

    @Test
    void measuresFollowTheFormulas() throws Exception {
        String rprice = "(90000 + (lo_partkey // 10) % 20001 + 100 * (lo_partkey % 1000))";
        assertThat(longValue(db, "select count(*) from lineorder where lo_extendedprice <> lo_quantity * " + rprice
                + " or lo_revenue <> lo_extendedprice * (100 - lo_discount) // 100"
                + " or lo_supplycost <> 6 * " + rprice + " // 10")).isZero();
        assertThat(longValue(db, "select count(*) from (select lo_orderkey, max(lo_ordtotalprice) declared,"
                + " min(lo_ordtotalprice) declared2,"
                + " sum(lo_extendedprice::bigint * (100 - lo_discount) // 100 * (100 + lo_tax) // 100) computed"
                + " from lineorder group by lo_orderkey) where declared <> computed or declared2 <> computed"))
                .isZero();
        assertThat(longValue(db, "select min(lo_extendedprice) from lineorder")).isGreaterThanOrEqualTo(90_100);
        assertThat(longValue(db, "select max(lo_extendedprice) from lineorder")).isLessThanOrEqualTo(10_494_950);
    }

    @Test
    void dimensionsFollowTheSpec() throws Exception {
        assertThat(longValue(db, "select count(*) from customer where c_name <> printf('Customer#%09d', c_custkey)"))
                .isZero();
        assertThat(longValue(db, "select count(*) from supplier where s_name <> printf('Supplier#%09d', s_suppkey)"))
                .isZero();
        assertThat(longValue(db, "select count(distinct c_region) from customer")).isEqualTo(5);
        assertThat(longValue(db, "select count(distinct c_nation || c_region) from customer")).isEqualTo(25);
        assertThat(longValue(db, "select count(*) from customer where c_city <> rpad(left(c_nation, 9), 9, ' ')"
                + " || right(c_city, 1)")).isZero();
        assertThat(longValue(db, "select count(distinct c_mktsegment) from customer")).isEqualTo(5);
        assertThat(longValue(db, "select count(distinct p_category) from part")).isEqualTo(25);
        assertThat(longValue(db, "select count(*) from part where not regexp_full_match(p_brand1,"
                + " 'MFGR#[1-5][1-5]([1-9]|[1-3][0-9]|40)') or not starts_with(p_brand1, p_category)"
                + " or not starts_with(p_category, p_mfgr)")).isZero();
        assertThat(longValue(db, "select count(distinct p_brand1) from part")).isGreaterThan(990);
    }

    @Test
    void dateTableHasDbgensQuirks() throws Exception {
        assertThat(longValue(db, "select count(*) from dates")).isEqualTo(2557);
        assertThat(longValue(db, "select min(d_datekey) from dates")).isEqualTo(19920101);
        assertThat(longValue(db, "select max(d_datekey) from dates")).isEqualTo(19981231);
        assertThat(longValue(db, "select sum(d_holidayfl) from dates")).isEqualTo(70);
        assertThat(stringValue(db, "select d_dayofweek || ',' || d_daynuminweek || ',' || d_date || ',' ||"
                + " d_yearmonth from dates where d_datekey = 19920101"))
                .isEqualTo("Thursday,5,January 1, 1992,Jan1992");
        String real = "strptime(d_datekey::varchar, '%Y%m%d')::date";
        // the label is the real day's successor's (a Wednesday is called Thursday)
        assertThat(longValue(db, "select count(*) from dates where d_dayofweek <> dayname(" + real
                + " + interval 1 day) or d_daynuminweek <> dayofweek(" + real + " + interval 1 day) + 1"))
                .isZero();
        assertThat(longValue(db, "select count(*) from dates where d_weeknuminyear <> dayofyear(" + real
                + ") // 7 + 1 or d_daynuminyear <> dayofyear(" + real + ")")).isZero();
        assertThat(longValue(db, "select max(d_weeknuminyear) from dates")).isEqualTo(53);
        assertThat(stringValue(db, "select min(d_datekey) || '-' || max(d_datekey) from dates where d_year = 1994"
                + " and d_weeknuminyear = 6")).isEqualTo("19940204-19940210");
        assertThat(longValue(db, "select count(*) from dates where d_lastdayinmonthfl <> (case when " + real
                + " = last_day(" + real + ") then 1 else 0 end)")).isZero();
        assertThat(longValue(db, "select count(*) from dates where d_weekdayfl <> (case when d_daynuminweek in"
                + " (1, 7) then 0 else 1 end) or d_lastdayinweekfl <> (case when d_daynuminweek = 7 then 1 else 0"
                + " end)")).isZero();
        assertThat(longValue(db, "select count(distinct d_sellingseason) from dates")).isEqualTo(5);
        assertThat(stringValue(db, "select d_sellingseason from dates where d_datekey = 19931125"))
                .isEqualTo("Christmas");
    }

    @Test
    void sameArgumentsGiveByteIdenticalFilesWhateverTheThreadCount() throws Exception {
        Path a = dir.resolve("det-a");
        Path b = dir.resolve("det-b");
        SsbGenerator.generate(new SsbOptions(0.01, a, OutputFormat.AVRO).withThreads(1), ProgressListener.NONE);
        SsbGenerator.generate(new SsbOptions(0.01, b, OutputFormat.AVRO).withThreads(2), ProgressListener.NONE);
        var digestsA = DuckDb.digests(a);
        assertThat(digestsA).hasSize(84).isEqualTo(DuckDb.digests(b));
        // and again into the same place, replacing the old files
        SsbGenerator.generate(new SsbOptions(0.01, a, OutputFormat.AVRO).withOverwrite(true), ProgressListener.NONE);
        assertThat(DuckDb.digests(a)).isEqualTo(digestsA);
        // the sync markers differ between files (derived from the path), so blocks cannot be confused
        byte[] sync1 = syncOf(a.resolve("customer/part-00000.avro").toFile());
        byte[] sync2 = syncOf(a.resolve("supplier/part-00000.avro").toFile());
        assertThat(sync1).hasSize(16).isNotEqualTo(sync2);
    }

    @Test
    void largerScalesSplitLineorderIntoOrderChunksWithOnePartPerMonthAndChunk() throws Exception {
        Path one = dir.resolve("chunks-1");
        Path four = dir.resolve("chunks-4");
        SsbGenerator.generate(new SsbOptions(0.01, one, OutputFormat.AVRO), ProgressListener.NONE);
        GenerationReport r = SsbGenerator.generate(new SsbOptions(0.01, four, OutputFormat.AVRO),
                ProgressListener.NONE, 4_000);
        assertThat(r.table("lineorder").orElseThrow().files()).isEqualTo(4 * 80);
        assertThat(four.resolve("lineorder/yearmonth=199201/part-00003.avro")).isRegularFile();
        // the chunks' parts, read in part order, hold exactly the single part's rows
        Path month = Path.of("lineorder/yearmonth=199506");
        List<String> whole = DuckDb.readAvro(one.resolve(month)).stream().map(Object::toString).toList();
        List<String> parts = DuckDb.readAvro(four.resolve(month)).stream().map(Object::toString).toList();
        assertThat(whole).hasSizeGreaterThan(500);
        assertThat(parts).isEqualTo(whole);
        assertThat(DuckDb.digests(four.resolve("part"))).isEqualTo(DuckDb.digests(one.resolve("part")));
    }

    private static byte[] syncOf(File f) throws Exception {
        byte[] bytes = Files.readAllBytes(f.toPath());
        // the header ends with the 16-byte sync marker, which also ends the file (after the last block)
        return java.util.Arrays.copyOfRange(bytes, bytes.length - 16, bytes.length);
    }

    @Test
    void csvHoldsTheSameRowsAsAvro() throws Exception {
        Path csv = dir.resolve("csv");
        GenerationReport r = SsbGenerator.generate(new SsbOptions(SF, csv, OutputFormat.CSV), ProgressListener.NONE);
        assertThat(r.rows("lineorder")).isEqualTo(report.rows("lineorder"));
        String first = Files.readAllLines(csv.resolve("lineorder/yearmonth=199201/part-00000.csv")).get(0);
        assertThat(first).isEqualTo(String.join(",", SsbTables.lineorder().columns().stream()
                .map(c -> c.name()).toList()));
        try (var s = db.createStatement()) {
            s.execute("create table lo_csv as select * from read_csv('" + csv.resolve("lineorder") + "/*/*.csv',"
                    + " header = true, all_varchar = false, hive_partitioning = false)");
            s.execute("create table c_csv as select * from read_csv('" + csv.resolve("customer/part-00000.csv")
                    + "', header = true, all_varchar = true)");
        }
        assertThat(longValue(db, "select count(*) from (select * from lineorder except all select * from lo_csv)"))
                .isZero();
        assertThat(longValue(db, "select count(*) from (select c_custkey::varchar, c_name, c_address, c_city,"
                + " c_nation, c_region, c_phone, c_mktsegment from customer except all select * from c_csv)"))
                .isZero();
        assertThat(DuckDb.digests(csv).keySet()).allMatch(k -> k.endsWith(".csv"));
    }

    @Test
    void avroDatesUseTheDateLogicalTypeOnlyWhereTheTableSaysDate() {
        var schema = AvroSchemas.of(SsbTables.lineorder());
        assertThat(schema.getField("lo_orderdate").schema().getType()).isEqualTo(org.apache.avro.Schema.Type.INT);
        assertThat(schema.getField("lo_orderdate").schema().getLogicalType()).isNull();
        assertThat(schema.getField("lo_orderkey").schema().getType()).isEqualTo(org.apache.avro.Schema.Type.LONG);
        assertThat(LogicalTypes.date().getName()).isEqualTo("date");
    }
}
