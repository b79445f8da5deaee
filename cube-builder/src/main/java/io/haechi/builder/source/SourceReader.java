package io.haechi.builder.source;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.model.table.SourceFormat;
import java.util.List;

/**
 * Reads a source table of one format. The builder lists the splits of a scan, then opens one {@link RowStream}
 * per split, in parallel if it likes (one stream per thread, one shared {@link RejectCollector}); or it reads all
 * splits one after another with {@link #openAll}. Implementations are stateless and thread-safe.
 */
public interface SourceReader {
    /** The format this reader reads. */
    SourceFormat format();

    /**
     * The files of the table's location, in a deterministic order, without the partition directories that cannot
     * hold a day of the scan's range. {@code SOURCE_NOT_FOUND} when the location does not exist or holds no file
     * of this format.
     */
    List<SourceSplit> splits(SourceScan scan);

    /** Opens one split. Bad rows go to {@code rejects}; see {@link RowStream#next()}. */
    RowStream open(SourceScan scan, SourceSplit split, RejectCollector rejects);

    /** Every split of the scan, one after another, in {@link #splits} order. */
    default RowStream openAll(SourceScan scan, RejectCollector rejects) {
        return new ConcatRowStream(this, scan, splits(scan), rejects);
    }
}
