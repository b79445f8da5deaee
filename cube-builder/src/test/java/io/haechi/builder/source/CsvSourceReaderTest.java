package io.haechi.builder.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.reject.RejectThreshold;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvSourceReaderTest {
    private static final List<ColumnDesc> COLUMNS = List.of(
            new ColumnDesc("id", DataType.INT, false),
            new ColumnDesc("name", DataType.varchar(20), true),
            new ColumnDesc("price", DataType.decimal(8, 2), true),
            new ColumnDesc("day", DataType.DATE, true),
            new ColumnDesc("ok", DataType.BOOLEAN, true));

    @TempDir
    Path dir;

    private TableDesc table(Path file) {
        return new TableDesc("t", file.toString(), SourceFormat.CSV, COLUMNS);
    }

    private static SourceReader csv(CsvOptions options) {
        return new SourceReaders(SourceFileSystems.local(), options).forFormat(SourceFormat.CSV);
    }

    private List<SourceRow> read(Path file, CsvOptions options, RejectCollector rejects) {
        return TestSupport.readAll(csv(options), SourceScan.all(table(file)), rejects);
    }

    @Test
    void quotesEscapedQuotesEmbeddedDelimitersAndNewlinesWithPhysicalLineNumbers() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "id,name,price,day,ok\r\n"
                + "1,plain,1.50,2026-01-01,true\r\n"
                + "2,\"with, comma\",2,2026-01-02,f\n"
                + "3,\"say \"\"hi\"\"\",,,\n"
                + "\n"
                + "4,\"two\nlines\",0.125,2026-01-04,1\n"
                + "5,\"\",-3,,no");
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = read(file, CsvOptions.DEFAULT, rejects);

        assertThat(rows).extracting(r -> r.values()[1])
                .containsExactly("plain", "with, comma", "say \"hi\"", "two\nlines", "");
        assertThat(rows).extracting(r -> r.origin().number()).containsExactly(2L, 3L, 4L, 6L, 8L);
        assertThat(rows.get(0).values()).containsExactly(1, "plain", new BigDecimal("1.50"),
                LocalDate.of(2026, 1, 1), true);
        assertThat(rows.get(2).values()).containsExactly(3, "say \"hi\"", null, null, null);
        assertThat(rows.get(3).values()[2]).isEqualTo(new BigDecimal("0.13"));
        assertThat(rows.get(4).values()).containsExactly(5, "", new BigDecimal("-3.00"), null, false);
        assertThat(rejects.report().rowsRead()).isEqualTo(5);
        assertThat(rejects.report().rejectedRows()).isZero();
    }

    @Test
    void headerMatchesColumnsByNameInAnyOrderAfterAByteOrderMark() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "\uFEFFOK,Day,price,NAME,id\ntrue,2026-02-03,9.99,x,7\n");
        List<SourceRow> rows = read(file, CsvOptions.DEFAULT, new RejectCollector());
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.values())
                .containsExactly(7, "x", new BigDecimal("9.99"), LocalDate.of(2026, 2, 3), true));
    }

    @Test
    void headerMismatchNamesMissingExtraAndRepeatedColumns() throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "id,name,cost,day,day\n1,a,2,2026-01-01,2026-01-01\n");
        assertThatThrownBy(() -> read(file, CsvOptions.DEFAULT, new RejectCollector()))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_SCHEMA_MISMATCH))
                .hasMessage("the header line of '" + file + "' does not match the table's columns: missing "
                        + "[price, ok]; not in the table [cost]; repeated [day]");
    }

    @Test
    void withoutHeaderCustomDelimiterTrailingDelimiterNullTextAndDateFormat() throws Exception {
        Path file = dir.resolve("t.tbl");
        Files.writeString(file, "1|a|1|20260105|t|\n2|\\N|\\N|\\N|\\N|\n3|b|2|2026-01-06|f\n");
        CsvOptions options = CsvOptions.DEFAULT.withHeader(false).withDelimiter('|').withTrailingDelimiter(true)
                .withNullText("\\N").withDatePattern("yyyyMMdd");
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = read(file, options, rejects);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(1, "a", new BigDecimal("1.00"), LocalDate.of(2026, 1, 5),
                true);
        assertThat(rows.get(1).values()).containsExactly(2, null, null, null, null);
        assertThat(rejects.report().samples(RejectReason.WRONG_COLUMN_COUNT)).singleElement()
                .satisfies(s -> assertThat(s.origin().number()).isEqualTo(3));
    }

    @Test
    void timestampsInTheBuiltInAndAConfiguredFormat() throws Exception {
        Path file = dir.resolve("ts.csv");
        Files.writeString(file, "ts\n2026-01-02 03:04:05\n2026-01-02T03:04:05.123456\n02/01/2026 03:04\n");
        TableDesc t = new TableDesc("ts", file.toString(), SourceFormat.CSV,
                List.of(new ColumnDesc("ts", DataType.TIMESTAMP, false)));
        List<SourceRow> rows = TestSupport.readAll(csv(CsvOptions.DEFAULT.withTimestampPattern("dd/MM/yyyy HH:mm")),
                SourceScan.all(t), new RejectCollector());
        assertThat(rows).extracting(r -> r.values()[0]).containsExactly(
                LocalDateTime.of(2026, 1, 2, 3, 4, 5), LocalDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000),
                LocalDateTime.of(2026, 1, 2, 3, 4));
    }

    /**
     * Ten planted bad lines of every kind among good ones; the report has exactly those, by reason, with their
     * physical lines.
     */
    @Test
    void plantedBadLinesAreCountedByReasonWithTheirLines() throws Exception {
        String[] lines = {
            "id,name,price,day,ok",                     // 1 header
            "1,good,1.00,2026-01-01,true",              // 2
            "x2,bad int,1.00,2026-01-01,true",          // 3 WRONG_TYPE id
            "3,\"multi",                                // 4 (record spans 4-5)
            "line\",1,2026-01-01,true",                 // 5
            "4,bad\"quote,1,2026-01-01,true",           // 6 UNPARSABLE_LINE
            "5,too,many,fields,2026-01-01,true",        // 7 WRONG_COLUMN_COUNT
            "6,few",                                    // 8 WRONG_COLUMN_COUNT
            ",null id,1,2026-01-01,true",               // 9 NULL_IN_NOT_NULL_COLUMN id
            "7,bad date,1,2026-13-01,true",             // 10 WRONG_TYPE day
            "8,bad bool,1,2026-01-01,maybe",            // 11 WRONG_TYPE ok
            "9,this name is far too long for it,1,,",   // 12 VALUE_OUT_OF_RANGE name
            "10,big,1234567.00,,",                      // 13 VALUE_OUT_OF_RANGE price
            "11,\"closed\"x,1,,",                       // 14 UNPARSABLE_LINE
            "12,good,2,,",                              // 15
            "13,\"never closed,1,,",                    // 16 UNPARSABLE_LINE (to the end of the file)
            "14,swallowed,1,,",                         // 17
        };
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, String.join("\n", lines) + "\n");
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = read(file, CsvOptions.DEFAULT, rejects);

        assertThat(rows).extracting(r -> r.values()[0]).containsExactly(1, 3, 12);
        assertThat(rows).extracting(r -> r.origin().number()).containsExactly(2L, 4L, 15L);
        RejectReport report = rejects.report();
        assertThat(report.rowsRead()).isEqualTo(14);
        assertThat(report.rowsAccepted()).isEqualTo(3);
        assertThat(report.rejectedRows()).isEqualTo(11);
        assertThat(lineNumbers(report, RejectReason.WRONG_TYPE)).containsExactly(3L, 10L, 11L);
        assertThat(lineNumbers(report, RejectReason.UNPARSABLE_LINE)).containsExactly(6L, 14L, 16L);
        assertThat(lineNumbers(report, RejectReason.WRONG_COLUMN_COUNT)).containsExactly(7L, 8L);
        assertThat(lineNumbers(report, RejectReason.NULL_IN_NOT_NULL_COLUMN)).containsExactly(9L);
        assertThat(lineNumbers(report, RejectReason.VALUE_OUT_OF_RANGE)).containsExactly(12L, 13L);
        assertThat(report.samples(RejectReason.WRONG_TYPE)).extracting(s -> s.column() + "=" + s.value())
                .containsExactly("id=x2", "day=2026-13-01", "ok=maybe");
        assertThat(report.samples(RejectReason.WRONG_TYPE)).allSatisfy(s -> assertThat(s.origin().file())
                .isEqualTo(file.toString()));
        assertThat(report.samples(RejectReason.VALUE_OUT_OF_RANGE)).extracting(s -> s.expected())
                .containsExactly("a VARCHAR(20) (at most 20 characters)", "a DECIMAL(8,2) in range");
        assertThat(report.samples(RejectReason.UNPARSABLE_LINE).get(2).expected()).contains("never closed");

        assertThatThrownBy(() -> RejectThreshold.NONE.check(report))
                .hasMessageContaining("11 rejected rows exceed the threshold of 0 rows")
                .hasMessageContaining(file + " line 9, column id (expected a value: the column is NOT NULL)")
                .hasMessageContaining(file + " line 3, column id: 'x2' (expected an INT)");
        RejectThreshold.rows(11).check(report);
    }

    private static List<Long> lineNumbers(RejectReport report, RejectReason reason) {
        return report.samples(reason).stream().map(s -> s.origin().number()).toList();
    }

    @Test
    void everyColumnTypeFromText() throws Exception {
        Path file = dir.resolve("types.csv");
        Files.writeString(file, "b,s,i,l,dec,d,c,v,day,ts\n"
                + "YES,-32768,2147483647,-9223372036854775808,-0.5,1e-3,ab,x,2026-12-31,2026-12-31 23:59:59.999\n"
                + "0, 7 , 8 , 9 ,100, NaN ,,,,\n"
                + "true,32768,1,1,1,1,a,a,2026-01-01,2026-01-01 00:00\n");
        TableDesc t = new TableDesc("types", file.toString(), SourceFormat.CSV, List.of(
                new ColumnDesc("b", DataType.BOOLEAN, true), new ColumnDesc("s", DataType.SMALLINT, true),
                new ColumnDesc("i", DataType.INT, true), new ColumnDesc("l", DataType.BIGINT, true),
                new ColumnDesc("dec", DataType.decimal(4, 1), true), new ColumnDesc("d", DataType.DOUBLE, true),
                new ColumnDesc("c", DataType.character(2), true), new ColumnDesc("v", DataType.VARCHAR, true),
                new ColumnDesc("day", DataType.DATE, true), new ColumnDesc("ts", DataType.TIMESTAMP, true)));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(csv(CsvOptions.DEFAULT), SourceScan.all(t), rejects);

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values()).containsExactly(true, (short) -32768, Integer.MAX_VALUE, Long.MIN_VALUE,
                new BigDecimal("-0.5"), 0.001, "ab", "x", LocalDate.of(2026, 12, 31),
                LocalDateTime.of(2026, 12, 31, 23, 59, 59, 999_000_000));
        assertThat(rows.get(1).values()).containsExactly(false, (short) 7, 8, 9L, new BigDecimal("100.0"), Double.NaN,
                "", "", null, null);
        assertThat(rejects.report().samples(RejectReason.VALUE_OUT_OF_RANGE)).singleElement().satisfies(s -> {
            assertThat(s.column()).isEqualTo("s");
            assertThat(s.value()).isEqualTo("32768");
            assertThat(s.expected()).isEqualTo("a SMALLINT in range");
        });
    }
}
