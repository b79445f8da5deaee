package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.model.table.SourceFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads CSV files (RFC 4180, see {@link CsvOptions}): a single file (any name), or every {@code .csv},
 * {@code .tsv}, {@code .txt} and {@code .tbl} file below a directory, partitioned or not.
 */
final class CsvSourceReader implements SourceReader {
    private final SourceFileSystems fileSystems;
    private final CsvOptions options;
    private final ColumnValues values;

    CsvSourceReader(SourceFileSystems fileSystems, CsvOptions options) {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.options = requireNonNull(options, "options is null");
        this.values = new ColumnValues(options.datePattern(), options.timestampPattern());
    }

    static boolean isCsvFile(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt") || n.endsWith(".tbl");
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.CSV;
    }

    @Override
    public List<SourceSplit> splits(SourceScan scan) {
        String location = scan.table().location();
        return new SplitLister(fileSystems.forLocation(location), CsvSourceReader::isCsvFile,
                "CSV (.csv, .tsv, .txt, .tbl)").list(location, scan.partitionFilter());
    }

    @Override
    public RowStream open(SourceScan scan, SourceSplit split, RejectCollector rejects) {
        requireNonNull(scan, "scan is null");
        requireNonNull(split, "split is null");
        requireNonNull(rejects, "rejects is null");
        return new CsvRowStream(fileSystems.forLocation(split.file().path()), scan, split, options, values, rejects);
    }
}
