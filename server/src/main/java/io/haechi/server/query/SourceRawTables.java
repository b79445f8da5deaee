package io.haechi.server.query;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReport;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceReaders;
import io.haechi.builder.source.SourceRow;
import io.haechi.builder.source.SourceScan;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;
import io.haechi.query.schema.RawTableSource;
import java.util.function.Consumer;

/**
 * Raw table rows for the query engine (lookup snapshots, push-down) through the builder's source readers. A bad
 * source row fails the read with its first sample: a query answer never silently skips rows.
 */
public final class SourceRawTables implements RawTableSource {
    private final SourceReaders readers;

    public SourceRawTables(SourceReaders readers) {
        this.readers = requireNonNull(readers, "readers is null");
    }

    @Override
    public void read(TableDesc table, Consumer<Object[]> sink) {
        RejectCollector rejects = new RejectCollector();
        try (RowStream rows = readers.forFormat(table.format()).openAll(SourceScan.all(table), rejects)) {
            for (SourceRow row = rows.next(); row != null; row = rows.next()) {
                sink.accept(row.values());
            }
        }
        RejectReport report = rejects.report();
        if (report.rejectedRows() > 0) {
            throw new HaechiException(ErrorCode.BAD_SOURCE_ROW, "table " + table.name() + " has "
                    + report.rejectedRows() + " bad rows; a query does not skip rows:\n" + report.toText());
        }
    }
}
