package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import java.util.List;

/** The rows of several splits one after another, opening each when the previous one ends. */
final class ConcatRowStream implements RowStream {
    private final SourceReader reader;
    private final SourceScan scan;
    private final List<SourceSplit> splits;
    private final RejectCollector rejects;
    private int next;
    private RowStream current;

    ConcatRowStream(SourceReader reader, SourceScan scan, List<SourceSplit> splits, RejectCollector rejects) {
        this.reader = reader;
        this.scan = scan;
        this.splits = List.copyOf(splits);
        this.rejects = rejects;
    }

    @Override
    public SourceRow next() {
        while (true) {
            if (current == null) {
                if (next >= splits.size()) {
                    return null;
                }
                current = reader.open(scan, splits.get(next++), rejects);
            }
            SourceRow row = current.next();
            if (row != null) {
                return row;
            }
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        next = splits.size();
    }
}
