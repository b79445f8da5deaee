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
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroSourceReaderTest {
    private static final Schema DECIMAL_BYTES = LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES));
    private static final Schema DECIMAL_FIXED = LogicalTypes.decimal(20, 4)
            .addToSchema(Schema.createFixed("dec20", null, null, 9));
    private static final Schema ALL_TYPES = SchemaBuilder.record("all_types").fields()
            .requiredInt("i")
            .requiredLong("l")
            .requiredString("s")
            .requiredDouble("d")
            .requiredFloat("f")
            .requiredBoolean("b")
            .name("dec_bytes").type(DECIMAL_BYTES).noDefault()
            .name("dec_fixed").type(DECIMAL_FIXED).noDefault()
            .name("day").type(LogicalTypes.date().addToSchema(Schema.create(Schema.Type.INT))).noDefault()
            .name("ts_millis").type(LogicalTypes.timestampMillis().addToSchema(Schema.create(Schema.Type.LONG)))
            .noDefault()
            .name("ts_micros").type(LogicalTypes.timestampMicros().addToSchema(Schema.create(Schema.Type.LONG)))
            .noDefault()
            .name("local_ts").type(LogicalTypes.localTimestampMillis()
                    .addToSchema(Schema.create(Schema.Type.LONG))).noDefault()
            .optionalString("opt_s")
            .name("opt_i").type().unionOf().intType().and().nullType().endUnion().noDefault()
            .name("color").type().enumeration("color").symbols("RED", "GREEN").noDefault()
            .endRecord();

    private final SourceReader avro = SourceReaders.defaults().forFormat(SourceFormat.AVRO);

    @TempDir
    Path dir;

    @Test
    void roundTripsEveryTypeToItsJavaType() throws Exception {
        Path file = AvroFixtures.write(dir.resolve("all.avro"), ALL_TYPES, 3, 2, (r, i) -> {
            r.put("i", i == 2 ? Integer.MIN_VALUE : i * 7);
            r.put("l", i == 2 ? Long.MAX_VALUE : i * 1_000_000_000_000L);
            r.put("s", i == 1 ? "한글, \"quoted\"\nline" : "s" + i);
            r.put("d", i + 0.25);
            r.put("f", i + 0.5f);
            r.put("b", i % 2 == 0);
            r.put("dec_bytes", new BigDecimal("12345678.9" + i).setScale(2));
            r.put("dec_fixed", new BigDecimal("-1234567890123456.789" + i));
            r.put("day", LocalDate.of(2026, 1, 1 + i));
            r.put("ts_millis", Instant.parse("2026-01-01T10:15:30.123Z").plusSeconds(i));
            r.put("ts_micros", Instant.parse("2026-01-01T10:15:30.123456Z"));
            r.put("local_ts", LocalDateTime.of(2026, 3, 4, 5, 6, 7, 8_000_000));
            r.put("opt_s", i == 0 ? null : "x" + i);
            r.put("opt_i", i == 1 ? null : i);
            r.put("color", new GenericData.EnumSymbol(ALL_TYPES.getField("color").schema(), i == 0 ? "RED" : "GREEN"));
        });
        TableDesc table = AvroSchemaInference.infer(file.toString(), "all_types");
        assertThat(table.columns()).extracting(c -> c.name() + " " + c.type() + (c.nullable() ? " NULL" : ""))
                .containsExactly("i INT", "l BIGINT", "s VARCHAR", "d DOUBLE", "f DOUBLE", "b BOOLEAN",
                        "dec_bytes DECIMAL(10,2)", "dec_fixed DECIMAL(20,4)", "day DATE", "ts_millis TIMESTAMP",
                        "ts_micros TIMESTAMP", "local_ts TIMESTAMP", "opt_s VARCHAR NULL", "opt_i INT NULL",
                        "color VARCHAR");

        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, SourceScan.all(table), rejects);

        assertThat(rows).hasSize(3);
        Object[] r1 = rows.get(1).values();
        assertThat(r1).containsExactly(7, 1_000_000_000_000L, "한글, \"quoted\"\nline", 1.25, 1.5d, false,
                new BigDecimal("12345678.91"), new BigDecimal("-1234567890123456.7891"), LocalDate.of(2026, 1, 2),
                LocalDateTime.of(2026, 1, 1, 10, 15, 31, 123_000_000),
                LocalDateTime.of(2026, 1, 1, 10, 15, 30, 123_456_000),
                LocalDateTime.of(2026, 3, 4, 5, 6, 7, 8_000_000), "x1", null, "GREEN");
        Object[] r2 = rows.get(2).values();
        assertThat(r2[0]).isEqualTo(Integer.MIN_VALUE);
        assertThat(r2[1]).isEqualTo(Long.MAX_VALUE);
        assertThat(rows.get(0).values()[12]).isNull();
        assertThat(((BigDecimal) r1[6]).scale()).isEqualTo(2);
        assertThat(((BigDecimal) r1[7]).scale()).isEqualTo(4);
        assertThat(rows.get(2).origin().toString()).isEqualTo(file + " row 3");
        RejectReport report = rejects.report();
        assertThat(report.rowsRead()).isEqualTo(3);
        assertThat(report.rowsAccepted()).isEqualTo(3);
        assertThat(report.rejectedRows()).isZero();
    }

    @Test
    void normalisesToDeclaredTypesNarrowerOrWiderThanTheFile() throws Exception {
        Schema schema = SchemaBuilder.record("r").fields()
                .requiredInt("small").requiredLong("as_int").requiredString("num_text").requiredInt("yyyymmdd")
                .requiredDouble("dec").requiredInt("wide").endRecord();
        Path file = AvroFixtures.write(dir.resolve("n.avro"), schema, 4, 10, (r, i) -> {
            r.put("small", i == 3 ? 40_000 : i - 1);
            r.put("as_int", i == 2 ? 1L << 40 : 5L);
            r.put("num_text", i == 1 ? "12x" : " 42 ");
            r.put("yyyymmdd", 19920101 + i);
            r.put("dec", 1.005);
            r.put("wide", i);
        });
        TableDesc table = new TableDesc("n", file.toString(), SourceFormat.AVRO, List.of(
                new ColumnDesc("small", DataType.SMALLINT, false),
                new ColumnDesc("as_int", DataType.INT, false),
                new ColumnDesc("num_text", DataType.BIGINT, false),
                new ColumnDesc("yyyymmdd", DataType.DATE, false),
                new ColumnDesc("dec", DataType.decimal(5, 2), false),
                new ColumnDesc("wide", DataType.BIGINT, false),
                new ColumnDesc("absent", DataType.VARCHAR, true)));
        RejectCollector rejects = new RejectCollector();
        List<SourceRow> rows = TestSupport.readAll(avro, SourceScan.all(table), rejects);

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values()).containsExactly((short) -1, 5, 42L, LocalDate.of(1992, 1, 1),
                new BigDecimal("1.01"), 0L, null);
        RejectReport report = rejects.report();
        assertThat(report.rejectedRows(RejectReason.WRONG_TYPE)).isEqualTo(1);
        assertThat(report.rejectedRows(RejectReason.VALUE_OUT_OF_RANGE)).isEqualTo(2);
        assertThat(report.samples(RejectReason.WRONG_TYPE)).singleElement().satisfies(s -> {
            assertThat(s.origin().toString()).isEqualTo(file + " row 2");
            assertThat(s.column()).isEqualTo("num_text");
            assertThat(s.value()).isEqualTo("12x");
            assertThat(s.expected()).isEqualTo("a BIGINT");
        });
        assertThat(report.samples(RejectReason.VALUE_OUT_OF_RANGE)).extracting(s -> s.origin().number() + ":"
                + s.column() + "=" + s.value()).containsExactly("3:as_int=1099511627776", "4:small=40000");
    }

    @Test
    void missingNotNullFieldIsASchemaMismatchNamingFileAndColumn() throws Exception {
        Path file = AvroFixtures.write(dir.resolve("e.avro"), AvroFixtures.EVENT, 1, 10, AvroSourceReaderTest::event);
        TableDesc table = new TableDesc("t", file.toString(), SourceFormat.AVRO, List.of(
                new ColumnDesc("campaign_id", DataType.INT, false),
                new ColumnDesc("cost", DataType.BIGINT, false)));
        assertThatThrownBy(() -> TestSupport.readAll(avro, SourceScan.all(table), new RejectCollector()))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_SCHEMA_MISMATCH))
                .hasMessageContaining(file.toString()).hasMessageContaining("'cost'")
                .hasMessageContaining("[event_date, campaign_id, clicks, name]");
    }

    @Test
    void nullInNotNullColumnIsRejectedWithItsRow() throws Exception {
        Path file = AvroFixtures.write(dir.resolve("e.avro"), AvroFixtures.EVENT, 5, 10, (r, i) -> {
            event(r, i);
            r.put("name", i == 3 ? null : "n");
        });
        TableDesc table = new TableDesc("t", file.toString(), SourceFormat.AVRO, List.of(
                new ColumnDesc("campaign_id", DataType.INT, false),
                new ColumnDesc("name", DataType.VARCHAR, false)));
        RejectCollector rejects = new RejectCollector();
        assertThat(TestSupport.readAll(avro, SourceScan.all(table), rejects)).hasSize(4);
        assertThat(rejects.report().samples(RejectReason.NULL_IN_NOT_NULL_COLUMN)).singleElement()
                .satisfies(s -> {
                    assertThat(s.origin().number()).isEqualTo(4);
                    assertThat(s.column()).isEqualTo("name");
                });
    }

    @Test
    void readsADirectoryRecursivelyInNameOrderSkippingHiddenFiles() throws Exception {
        AvroFixtures.write(dir.resolve("b.avro"), AvroFixtures.EVENT, 2, 10, (r, i) -> event(r, 10 + i));
        AvroFixtures.write(dir.resolve("a.avro"), AvroFixtures.EVENT, 2, 10, (r, i) -> event(r, i));
        AvroFixtures.write(dir.resolve("sub/c.avro"), AvroFixtures.EVENT, 1, 10, (r, i) -> event(r, 20 + i));
        AvroFixtures.write(dir.resolve(".hidden.avro"), AvroFixtures.EVENT, 1, 10, (r, i) -> event(r, 99));
        AvroFixtures.write(dir.resolve("_tmp/d.avro"), AvroFixtures.EVENT, 1, 10, (r, i) -> event(r, 98));
        Files.writeString(dir.resolve("_SUCCESS"), "");
        Files.writeString(dir.resolve("notes.txt"), "not avro");
        TableDesc table = AvroSchemaInference.infer(dir.toUri().toString(), "events");

        assertThat(avro.splits(SourceScan.all(table))).extracting(s -> dir.relativize(Path.of(s.file().path())))
                .containsExactly(Path.of("a.avro"), Path.of("b.avro"), Path.of("sub/c.avro"));
        List<SourceRow> rows = TestSupport.readAll(avro, SourceScan.all(table), new RejectCollector());
        assertThat(rows).extracting(r -> r.values()[1]).containsExactly(0, 1, 10, 11, 20);
    }

    @Test
    void emptyDirectoryAndMissingLocationAreNotFound() {
        TableDesc missing = new TableDesc("t", dir.resolve("nope").toString(), SourceFormat.AVRO,
                List.of(new ColumnDesc("x", DataType.INT, true)));
        assertThatThrownBy(() -> avro.splits(SourceScan.all(missing)))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("nope");
        TableDesc empty = new TableDesc("t", dir.toString(), SourceFormat.AVRO,
                List.of(new ColumnDesc("x", DataType.INT, true)));
        assertThatThrownBy(() -> avro.splits(SourceScan.all(empty)))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SOURCE_NOT_FOUND))
                .hasMessageContaining("holds no Avro");
    }

    @Test
    void unknownSchemeAndParquetAreUnsupported() {
        TableDesc unknown = new TableDesc("t", "nosuch://nn:8020/data/t", SourceFormat.AVRO,
                List.of(new ColumnDesc("x", DataType.INT, true)));
        assertThatThrownBy(() -> avro.splits(SourceScan.all(unknown)))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SOURCE))
                .hasMessageContaining("'nosuch://nn:8020/data/t'");
        assertThatThrownBy(() -> SourceReaders.defaults().forFormat(SourceFormat.PARQUET))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.UNSUPPORTED_SOURCE));
    }

    static void event(org.apache.avro.generic.GenericRecord r, int i) {
        r.put("event_date", LocalDate.of(2026, 1, 1).plusDays(i % 5));
        r.put("campaign_id", i);
        r.put("clicks", (long) i * 3);
        r.put("name", "c" + i);
    }
}
