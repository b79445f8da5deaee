package io.haechi.datagen.io;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Writes one CSV file: UTF-8, a header line with the column names, fields separated by commas, LF line ends.
 * A field is quoted (RFC 4180, inner quotes doubled) only when it holds a comma, a quote, CR or LF, or starts or
 * ends with a space. Dates are ISO {@code yyyy-MM-dd}; no value is ever null here.
 */
public final class CsvTableWriter implements TableWriter {
    private final Path file;
    private final Writer out;
    private final int columns;
    private long rows;

    public CsvTableWriter(Path file, TableDesc table) {
        this.file = requireNonNull(file, "file is null");
        this.columns = table.columns().size();
        try {
            this.out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 16);
            int i = 0;
            for (ColumnDesc c : table.columns()) {
                if (i++ > 0) {
                    out.write(',');
                }
                out.write(c.name());
            }
            out.write('\n');
        } catch (IOException e) {
            throw WriteFailures.of(file, e);
        }
    }

    @Override
    public void write(Object[] row) {
        if (row.length != columns) {
            throw new IllegalArgumentException("row has " + row.length + " values, the table " + columns);
        }
        try {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = row[i];
                if (v instanceof String s) {
                    writeString(s);
                } else if (v instanceof LocalDate d) {
                    out.write(d.toString());
                } else if (v != null) {
                    out.write(v.toString());
                }
            }
            out.write('\n');
            rows++;
        } catch (IOException e) {
            throw WriteFailures.of(file, e);
        }
    }

    private void writeString(String s) throws IOException {
        if (!needsQuotes(s)) {
            out.write(s);
            return;
        }
        out.write('"');
        out.write(s.replace("\"", "\"\""));
        out.write('"');
    }

    static boolean needsQuotes(String s) {
        if (s.isEmpty()) {
            return false;
        }
        if (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public void close() {
        try {
            out.close();
        } catch (IOException e) {
            throw WriteFailures.of(file, e);
        }
    }
}
