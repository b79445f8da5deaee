package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.reject.RowOrigin;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rows of one CSV file. Empty lines are skipped (they are no rows). A record that cannot be split, has the
 * wrong number of fields or a value that does not fit its column is rejected with its starting line; the next
 * record is read as usual.
 */
final class CsvRowStream implements RowStream {
    private final String path;
    private final List<ColumnDesc> columns;
    private final CsvOptions options;
    private final ColumnValues values;
    private final RejectCollector rejects;
    private final RowGate gate;
    private Reader reader;
    private CsvTokenizer tokenizer;
    private final SourceSplit split;
    /** For each field position of the file, the column it fills. */
    private int[] columnOfField;
    /** Values of the columns the file lacks and the split's directories supply (else null). */
    private final Object[] directoryValues;

    CsvRowStream(SourceFileSystem fs, SourceScan scan, SourceSplit split, CsvOptions options, ColumnValues values,
                 RejectCollector rejects) {
        this.path = split.file().path();
        this.columns = scan.table().columns();
        this.options = options;
        this.values = values;
        this.rejects = rejects;
        this.gate = new RowGate(scan, split, rejects);
        try {
            this.reader = new InputStreamReader(fs.open(split.file()), options.charset().newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot open '" + path + "': " + e, e);
        }
        this.tokenizer = new CsvTokenizer(reader, options.delimiter(), options.quote());
        this.split = split;
        this.directoryValues = new Object[columns.size()];
        if (options.header()) {
            readHeader();
        } else {
            // Without a header the file holds the columns its directories do not supply, in table order.
            List<Integer> fromFile = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                if (DirectoryColumns.supplies(split, columns.get(c))) {
                    directoryValues[c] = DirectoryColumns.value(split, columns.get(c), values);
                } else {
                    fromFile.add(c);
                }
            }
            columnOfField = fromFile.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    @Override
    public SourceRow next() {
        while (tokenizer != null) {
            if (!advance()) {
                return null;
            }
            if (tokenizer.blank()) {
                continue;
            }
            rejects.rowRead();
            RowOrigin origin = RowOrigin.line(path, tokenizer.recordLine());
            Object[] row = convert(origin);
            if (row != null && gate.admit(row, origin)) {
                return new SourceRow(row, origin);
            }
        }
        return null;
    }

    /** Reads the next record, rejecting syntax errors; false at the end. */
    private boolean advance() {
        while (true) {
            try {
                if (tokenizer.next()) {
                    return true;
                }
                close();
                return false;
            } catch (CsvTokenizer.SyntaxError e) {
                rejects.rowRead();
                rejects.reject(new Rejection(RejectReason.UNPARSABLE_LINE, RowOrigin.line(path, e.line()), null,
                        e.excerpt(), "RFC 4180 CSV: " + e.getMessage(), 1));
            } catch (CharacterCodingException e) {
                throw new HaechiException(ErrorCode.BAD_SOURCE_ROW, "'" + path + "' near line "
                        + tokenizer.recordLine() + " is not valid " + options.charset() + " text: " + e, e);
            } catch (IOException e) {
                throw new HaechiException(ErrorCode.SOURCE_READ_FAILED, "cannot read '" + path + "' near line "
                        + tokenizer.recordLine() + ": " + e, e);
            }
        }
    }

    private Object[] convert(RowOrigin origin) {
        int n = tokenizer.fieldCount();
        if (options.trailingDelimiter()) {
            if (n == 0 || !tokenizer.field(n - 1).isEmpty() || tokenizer.quoted(n - 1)) {
                rejects.reject(Rejection.ofRow(RejectReason.WRONG_COLUMN_COUNT, origin, null, tokenizer.excerpt(),
                        columnOfField.length + " fields each followed by '" + options.delimiter() + "'"));
                return null;
            }
            n--;
        }
        if (n != columnOfField.length) {
            rejects.reject(Rejection.ofRow(RejectReason.WRONG_COLUMN_COUNT, origin, null, tokenizer.excerpt(),
                    columnOfField.length + " fields, got " + n));
            return null;
        }
        Object[] row = directoryValues.clone();
        for (int f = 0; f < n; f++) {
            int c = columnOfField[f];
            ColumnDesc column = columns.get(c);
            String text = tokenizer.field(f);
            if (!tokenizer.quoted(f)) {
                if (options.nullText() != null && text.equals(options.nullText())) {
                    continue;
                }
                if (text.isEmpty() && !column.type().name().isString()) {
                    continue;
                }
            }
            try {
                row[c] = values.fromText(text, column.type());
            } catch (BadValueException e) {
                rejects.reject(Rejection.ofRow(e.reason(), origin, column.name(), text, e.expected()));
                return null;
            }
        }
        return row;
    }

    private void readHeader() {
        boolean found;
        do {
            try {
                found = tokenizer.next();
            } catch (CsvTokenizer.SyntaxError | IOException e) {
                close();
                throw new HaechiException(ErrorCode.SOURCE_SCHEMA_MISMATCH, "cannot read the header line of '"
                        + path + "': " + e.getMessage(), e);
            }
        } while (found && tokenizer.blank());
        if (!found) {
            close();
            return;
        }
        int n = tokenizer.fieldCount();
        if (options.trailingDelimiter() && n > 0 && tokenizer.field(n - 1).isEmpty()) {
            n--;
        }
        List<String> extra = new ArrayList<>();
        List<String> duplicate = new ArrayList<>();
        int[] map = new int[n];
        boolean[] seen = new boolean[columns.size()];
        for (int f = 0; f < n; f++) {
            String name = tokenizer.field(f).strip();
            int c = indexOf(name);
            map[f] = c;
            if (c < 0) {
                extra.add(name);
            } else if (seen[c]) {
                duplicate.add(name);
            } else {
                seen[c] = true;
            }
        }
        List<String> missing = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            if (!seen[c]) {
                if (DirectoryColumns.supplies(split, columns.get(c))) {
                    directoryValues[c] = DirectoryColumns.value(split, columns.get(c), values);
                } else {
                    missing.add(columns.get(c).name());
                }
            }
        }
        if (!extra.isEmpty() || !missing.isEmpty() || !duplicate.isEmpty()) {
            close();
            StringBuilder m = new StringBuilder("the header line of '" + path + "' does not match the table's columns:");
            if (!missing.isEmpty()) {
                m.append(" missing ").append(missing);
            }
            if (!extra.isEmpty()) {
                m.append(missing.isEmpty() ? "" : ";").append(" not in the table ").append(extra);
            }
            if (!duplicate.isEmpty()) {
                m.append(missing.isEmpty() && extra.isEmpty() ? "" : ";").append(" repeated ").append(duplicate);
            }
            throw new HaechiException(ErrorCode.SOURCE_SCHEMA_MISMATCH, m.toString());
        }
        columnOfField = map;
    }

    private int indexOf(String name) {
        for (int c = 0; c < columns.size(); c++) {
            if (columns.get(c).name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return -1;
    }

    @Override
    public void close() {
        tokenizer = null;
        if (reader != null) {
            try {
                reader.close();
            } catch (IOException e) {
                // read-only; nothing to lose
            }
            reader = null;
        }
    }
}
