package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

/**
 * How CSV files are written.
 *
 * @param delimiter the field separator ({@code ,}; {@code |} for SSB's {@code .tbl}, tab for TSV)
 * @param quote the quote character; inside a quoted field it is escaped by doubling it (RFC 4180)
 * @param header whether each file starts with a line of column names (matched to the table's columns by name,
 *     ignoring case, in any order)
 * @param nullText an unquoted field equal to this text is NULL in any column (say {@code \N} or {@code NULL}); null
 *     for none. Independently, an empty unquoted field is NULL in non-string columns and the empty string in
 *     string columns; a quoted field is never NULL.
 * @param trailingDelimiter whether every record ends with one extra delimiter (dbgen's {@code .tbl} files)
 * @param datePattern an extra {@link DateTimeFormatter} pattern for DATE fields after {@code yyyy-MM-dd}, or null
 * @param timestampPattern an extra pattern for TIMESTAMP fields after {@code yyyy-MM-dd HH:mm:ss[.f]}, or null
 * @param charset the file encoding; malformed bytes fail the file with its line
 */
public record CsvOptions(char delimiter, char quote, boolean header, String nullText, boolean trailingDelimiter,
                         String datePattern, String timestampPattern, Charset charset) {
    /** Comma, double quote, a header line, no NULL text, UTF-8. */
    public static final CsvOptions DEFAULT = new CsvOptions(',', '"', true, null, false, null, null,
            StandardCharsets.UTF_8);

    public CsvOptions {
        requireNonNull(charset, "charset is null");
        if (delimiter == quote) {
            throw new IllegalArgumentException("delimiter and quote must differ, both are '" + delimiter + "'");
        }
        if (delimiter == '\n' || delimiter == '\r' || quote == '\n' || quote == '\r') {
            throw new IllegalArgumentException("delimiter and quote cannot be line breaks");
        }
        if (datePattern != null) {
            DateTimeFormatter.ofPattern(datePattern);
        }
        if (timestampPattern != null) {
            DateTimeFormatter.ofPattern(timestampPattern);
        }
    }

    public CsvOptions withDelimiter(char newDelimiter) {
        return new CsvOptions(newDelimiter, quote, header, nullText, trailingDelimiter, datePattern,
                timestampPattern, charset);
    }

    public CsvOptions withHeader(boolean newHeader) {
        return new CsvOptions(delimiter, quote, newHeader, nullText, trailingDelimiter, datePattern,
                timestampPattern, charset);
    }

    public CsvOptions withNullText(String newNullText) {
        return new CsvOptions(delimiter, quote, header, newNullText, trailingDelimiter, datePattern,
                timestampPattern, charset);
    }

    public CsvOptions withTrailingDelimiter(boolean newTrailingDelimiter) {
        return new CsvOptions(delimiter, quote, header, nullText, newTrailingDelimiter, datePattern,
                timestampPattern, charset);
    }

    public CsvOptions withDatePattern(String newDatePattern) {
        return new CsvOptions(delimiter, quote, header, nullText, trailingDelimiter, newDatePattern,
                timestampPattern, charset);
    }

    public CsvOptions withTimestampPattern(String newTimestampPattern) {
        return new CsvOptions(delimiter, quote, header, nullText, trailingDelimiter, datePattern,
                newTimestampPattern, charset);
    }
}
