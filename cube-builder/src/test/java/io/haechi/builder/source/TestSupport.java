package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import java.util.ArrayList;
import java.util.List;

/** Reading helpers shared by the source tests. */
final class TestSupport {
    private TestSupport() {
    }

    static List<SourceRow> readAll(SourceReader reader, SourceScan scan, RejectCollector rejects) {
        List<SourceRow> rows = new ArrayList<>();
        try (RowStream s = reader.openAll(scan, rejects)) {
            for (SourceRow r = s.next(); r != null; r = s.next()) {
                rows.add(r);
            }
        }
        return rows;
    }
}
