package io.haechi.builder.source;

import java.io.Closeable;

/**
 * The rows of one split (or of several, one after another), read as they are asked for: a reader never holds more
 * than a file buffer and one block. Not thread-safe: one stream per thread; parallel reading opens one stream per
 * split.
 */
public interface RowStream extends Closeable {
    /**
     * The next accepted row, or null at the end. Rows that are rejected (bad values, NOT NULL violations, rows
     * outside their partition directory) or outside the build range are counted in the stream's
     * {@link io.haechi.builder.reject.RejectCollector} and skipped. Throws {@code HaechiException} when the input
     * cannot be read at all (I/O failure, a header that does not match the table).
     */
    SourceRow next();

    /** Releases the file; idempotent, never throws. */
    @Override
    void close();
}
