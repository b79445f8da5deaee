package io.haechi.datagen.io;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.datagen.DuckDb;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.SourceFormat;
import io.haechi.model.table.TableDesc;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTableWriterTest {
    private static final TableDesc TABLE = new TableDesc("t", "", SourceFormat.CSV, List.of(
            new ColumnDesc("id", DataType.INT, false),
            new ColumnDesc("label", DataType.VARCHAR, false),
            new ColumnDesc("day", DataType.DATE, false),
            new ColumnDesc("big", DataType.BIGINT, false)));

    @TempDir
    Path dir;

    @Test
    void quotesOnlyWhatRfc4180Requires() throws Exception {
        Path file = dir.resolve("t.csv");
        String[] labels = {"plain", "a,b", "say \"hi\"", "two\nlines", " padded ", "", "CHINA    3", "ünï"};
        try (CsvTableWriter w = new CsvTableWriter(file, TABLE)) {
            for (int i = 0; i < labels.length; i++) {
                w.write(new Object[] {i, labels[i], LocalDate.of(2024, 1, 1).plusDays(i), 1L << 40});
            }
            assertThat(w.rows()).isEqualTo(labels.length);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(text).startsWith("id,label,day,big\n0,plain,2024-01-01,1099511627776\n")
                .contains("\n1,\"a,b\",").contains("\n2,\"say \"\"hi\"\"\",").contains("\n3,\"two\nlines\",")
                .contains("\n4,\" padded \",").contains("\n5,,").contains("\n6,CHINA    3,");
        // DuckDB's CSV reader gets every value back exactly
        try (Connection db = DuckDb.open(); Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select label, day from read_csv('" + file + "', header = true,"
                        + " quote = '\"', escape = '\"', columns = {'id': 'INTEGER', 'label': 'VARCHAR',"
                        + " 'day': 'DATE', 'big': 'BIGINT'}) order by id")) {
            List<String> back = new ArrayList<>();
            while (rs.next()) {
                back.add(rs.getString(1) == null ? "" : rs.getString(1));
            }
            assertThat(back).containsExactly(labels);
        }
    }

    @Test
    void decidesQuotingPerField() {
        assertThat(CsvTableWriter.needsQuotes("abc")).isFalse();
        assertThat(CsvTableWriter.needsQuotes("a\rb")).isTrue();
        assertThat(CsvTableWriter.needsQuotes("x ")).isTrue();
        assertThat(CsvTableWriter.needsQuotes("")).isFalse();
    }
}
