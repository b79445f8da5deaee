package io.haechi.datagen.io;

import java.io.Closeable;

/**
 * Writes rows of one table to one file. A row is an {@code Object[]} in the table's column order whose values are
 * {@code Integer} for SMALLINT/INT, {@code Long} for BIGINT, {@code String} for CHAR/VARCHAR, {@code Double} for
 * DOUBLE, {@code Boolean} for BOOLEAN and {@code java.time.LocalDate} for DATE; none may be null. Not thread safe.
 */
public interface TableWriter extends Closeable {
    void write(Object[] row);

    /** Rows written so far. */
    long rows();

    /** Closes the file; after this {@link #rows()} is final. Throws {@code HaechiException} on I/O failure. */
    @Override
    void close();
}
