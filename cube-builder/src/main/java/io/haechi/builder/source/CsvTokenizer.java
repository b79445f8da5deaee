package io.haechi.builder.source;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records of fields: quoted fields may hold delimiters, line breaks and doubled quotes;
 * records end at {@code \n}, {@code \r\n} or {@code \r}. Counts physical lines, so a record's line is where it
 * starts in an editor. Strict about quotes: a quote inside an unquoted field, text after a closing quote and an
 * unterminated quote are syntax errors; after one, the tokenizer skips to the end of that physical line and goes
 * on with the next.
 */
final class CsvTokenizer {
    /** A record that cannot be split into fields. */
    static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final String excerpt;

        SyntaxError(String message, long line, String excerpt) {
            super(message, null, false, false);
            this.line = line;
            this.excerpt = excerpt;
        }

        long line() {
            return line;
        }

        String excerpt() {
            return excerpt;
        }
    }

    private static final int EOF = -1;

    private final Reader in;
    private final char delimiter;
    private final char quote;
    private final char[] buffer = new char[1 << 16];
    private int pos;
    private int limit;
    private int pushedBack = -2;

    private final List<String> fields = new ArrayList<>();
    private final List<Boolean> quoted = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private long line = 1;
    private long recordLine;
    private boolean blank;
    private boolean atStart = true;

    CsvTokenizer(Reader in, char delimiter, char quote) {
        this.in = in;
        this.delimiter = delimiter;
        this.quote = quote;
    }

    /** Reads the next record; false at the end of the input. */
    boolean next() throws IOException, SyntaxError {
        fields.clear();
        quoted.clear();
        field.setLength(0);
        recordLine = line;
        int c = read();
        if (atStart) {
            atStart = false;
            if (c == '\uFEFF') {
                // A byte-order mark (Excel writes one) is not part of the first field.
                c = read();
            }
        }
        if (c == EOF) {
            return false;
        }
        boolean inQuotes = false;
        boolean fieldQuoted = false;
        boolean afterClosingQuote = false;
        boolean anyChar = false;
        while (true) {
            if (inQuotes) {
                if (c == EOF) {
                    throw new SyntaxError("a quoted field opened on line " + recordLine + " is never closed",
                            recordLine, field.toString());
                }
                if (c == quote) {
                    int n = read();
                    if (n == quote) {
                        field.append(quote);
                    } else {
                        inQuotes = false;
                        afterClosingQuote = true;
                        c = n;
                        continue;
                    }
                } else if (c == '\r' || c == '\n') {
                    field.append(newline(c));
                } else {
                    field.append((char) c);
                }
                c = read();
                continue;
            }
            if (c == EOF || c == '\r' || c == '\n') {
                if (c != EOF) {
                    newline(c);
                }
                endField(fieldQuoted);
                blank = !anyChar && fields.size() == 1;
                return true;
            }
            anyChar = true;
            if (c == delimiter) {
                endField(fieldQuoted);
                fieldQuoted = false;
                afterClosingQuote = false;
            } else if (afterClosingQuote) {
                throw skipLine("text after the closing quote of field " + (fields.size() + 1) + " on line " + line);
            } else if (c == quote) {
                if (field.length() > 0) {
                    throw skipLine("a quote inside the unquoted field " + (fields.size() + 1) + " on line " + line
                            + " (quote the whole field and double the quote)");
                }
                inQuotes = true;
                fieldQuoted = true;
            } else {
                field.append((char) c);
            }
            c = read();
        }
    }

    /** The line the last record started on (1-based, physical). */
    long recordLine() {
        return recordLine;
    }

    /** Whether the last record was an empty line. */
    boolean blank() {
        return blank;
    }

    int fieldCount() {
        return fields.size();
    }

    String field(int i) {
        return fields.get(i);
    }

    boolean quoted(int i) {
        return quoted.get(i);
    }

    /** The record's fields joined again, for a report excerpt. */
    String excerpt() {
        return String.join(String.valueOf(delimiter), fields);
    }

    private void endField(boolean wasQuoted) {
        fields.add(field.toString());
        quoted.add(wasQuoted);
        field.setLength(0);
    }

    /** Consumes a line break that started with {@code c}, counts it, and returns it as text. */
    private String newline(int c) throws IOException {
        line++;
        if (c == '\r') {
            int n = read();
            if (n == '\n') {
                return "\r\n";
            }
            unread(n);
            return "\r";
        }
        return "\n";
    }

    private SyntaxError skipLine(String message) throws IOException {
        String excerpt = excerptSoFar();
        long at = recordLine;
        int c = read();
        while (c != EOF && c != '\n' && c != '\r') {
            c = read();
        }
        if (c != EOF) {
            newline(c);
        }
        return new SyntaxError(message, at, excerpt);
    }

    private String excerptSoFar() {
        StringBuilder b = new StringBuilder();
        for (String f : fields) {
            b.append(f).append(delimiter);
        }
        return b.append(field).toString();
    }

    private int read() throws IOException {
        if (pushedBack != -2) {
            int c = pushedBack;
            pushedBack = -2;
            return c;
        }
        if (pos == limit) {
            limit = in.read(buffer, 0, buffer.length);
            pos = 0;
            if (limit <= 0) {
                limit = 0;
                return EOF;
            }
        }
        return buffer[pos++];
    }

    private void unread(int c) {
        pushedBack = c;
    }
}
