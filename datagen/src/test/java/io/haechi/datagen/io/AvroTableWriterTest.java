package io.haechi.datagen.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.datagen.DuckDb;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AvroTableWriterTest {
    private static final TableDesc TABLE = new TableDesc("events", "", SourceFormat.AVRO, List.of(
            new ColumnDesc("day", DataType.DATE, false),
            new ColumnDesc("hour", DataType.SMALLINT, false),
            new ColumnDesc("user_id", DataType.BIGINT, false),
            new ColumnDesc("gender", DataType.character(1), false),
            new ColumnDesc("score", DataType.DOUBLE, true),
            new ColumnDesc("flag", DataType.BOOLEAN, false)));

    @TempDir
    Path dir;

    private void write(Path file, String key, int rows) {
        try (AvroTableWriter w = new AvroTableWriter(file, TABLE, key)) {
            for (int i = 0; i < rows; i++) {
                w.write(new Object[] {LocalDate.of(2024, 2, 29).plusDays(i % 3), i % 24, -5L * i, i % 2 == 0 ? "M"
                    : "F", i % 5 == 0 ? null : i / 7.0, i % 3 == 0});
            }
        }
    }

    @Test
    void writesTheMappedSchemaAndReadsBackWithTheAvroLibrary() throws Exception {
        Path file = dir.resolve("t/part-00000.avro");
        Files.createDirectories(file.getParent());
        write(file, "t/part-00000.avro", 50_000);
        Schema schema = AvroSchemas.of(TABLE);
        assertThat(schema.getField("day").schema().getLogicalType().getName()).isEqualTo("date");
        assertThat(schema.getField("score").schema().getTypes()).extracting(Schema::getType)
                .containsExactly(Schema.Type.NULL, Schema.Type.DOUBLE);
        List<GenericRecord> rows = DuckDb.readAvro(file.getParent());
        assertThat(rows).hasSize(50_000);
        GenericRecord r7 = rows.get(7);
        assertThat(r7.getSchema()).isEqualTo(schema);
        assertThat(LocalDate.ofEpochDay((Integer) r7.get("day"))).isEqualTo(LocalDate.of(2024, 3, 1));
        assertThat(r7.get("hour")).isEqualTo(7);
        assertThat(r7.get("user_id")).isEqualTo(-35L);
        assertThat(r7.get("gender").toString()).isEqualTo("F");
        assertThat(r7.get("score")).isEqualTo(1.0);
        assertThat(rows.get(10).get("score")).isNull();
        assertThat(r7.get("flag")).isEqualTo(false);
    }

    @Test
    void sameRowsAndKeyGiveTheSameBytes() throws Exception {
        write(dir.resolve("a.avro"), "k", 20_000);
        write(dir.resolve("b.avro"), "k", 20_000);
        write(dir.resolve("c.avro"), "other", 20_000);
        byte[] a = Files.readAllBytes(dir.resolve("a.avro"));
        assertThat(Files.readAllBytes(dir.resolve("b.avro"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("c.avro"))).isNotEqualTo(a).hasSameSizeAs(a);
        assertThat(AvroTableWriter.syncMarker("k")).hasSize(16).isNotEqualTo(AvroTableWriter.syncMarker("other"));
    }

    @Test
    void outputFilesLaysOutPartitionsAndCountsRows() throws Exception {
        AtomicLong reported = new AtomicLong();
        ProgressListener progress = new ProgressListener() {
            @Override
            public void rowsWritten(String table, long rows) {
                reported.addAndGet(rows);
            }
        };
        OutputFiles out = new OutputFiles(dir.resolve("out"), OutputFormat.AVRO, List.of(TABLE), false, progress);
        try (TableWriter w = out.open(TABLE, "day=2024-02-29", 3)) {
            for (int i = 0; i < 70_000; i++) {
                w.write(new Object[] {LocalDate.of(2024, 2, 29), 0, 1L, "U", null, true});
            }
        }
        assertThat(dir.resolve("out/events/day=2024-02-29/part-00003.avro")).isRegularFile();
        assertThat(out.stats()).singleElement().satisfies(s -> {
            assertThat(s.rows()).isEqualTo(70_000);
            assertThat(s.files()).isEqualTo(1);
            assertThat(s.bytes()).isEqualTo(Files.size(dir.resolve("out/events/day=2024-02-29/part-00003.avro")));
        });
        assertThat(reported.get()).isEqualTo(70_000);
        assertThatThrownBy(() -> new OutputFiles(dir.resolve("out"), OutputFormat.AVRO, List.of(TABLE), false,
                progress)).isInstanceOf(HaechiException.class).hasMessageContaining("events")
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void unwritableOutputIsAnExternalError() throws Exception {
        Path blocker = dir.resolve("file");
        Files.writeString(blocker, "x");
        assertThatThrownBy(() -> new AvroTableWriter(blocker.resolve("sub.avro"), TABLE, "k"))
                .isInstanceOf(HaechiException.class).hasMessageContaining(blocker.resolve("sub.avro").toString())
                .extracting(e -> ((HaechiException) e).errorCode()).isEqualTo(ErrorCode.GENERATOR_OUTPUT_FAILED);
    }
}
