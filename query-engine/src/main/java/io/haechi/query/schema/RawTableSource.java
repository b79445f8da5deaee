package io.haechi.query.schema;

import io.haechi.model.table.TableDesc;
import java.util.function.Consumer;

/**
 * Reads a registered table's source rows (canonical values, in the table's column order): lookup snapshots for
 * derived dimensions and the push-down path. The server implements it with the builder's source readers.
 */
@FunctionalInterface
public interface RawTableSource {
    /** Streams every row of {@code table} to {@code sink}; fails with a HaechiException naming the source. */
    void read(TableDesc table, Consumer<Object[]> sink);

    RawTableSource NONE = (table, sink) -> {
        throw new io.haechi.model.error.HaechiException(io.haechi.model.error.ErrorCode.UNSUPPORTED_SOURCE,
                "no raw-table reader is configured; table " + table.name() + " cannot be read");
    };
}
