package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.model.table.SourceFormat;
import java.util.List;
import java.util.Locale;

/**
 * Reads Avro data files: a single file (any name), or every {@code .avro} file below a directory, partitioned
 * or not. Columns are matched to the writer schema's top-level fields by name, ignoring case; see
 * {@link AvroRowStream} for corrupt blocks.
 */
final class AvroSourceReader implements SourceReader {
    private final SourceFileSystems fileSystems;

    AvroSourceReader(SourceFileSystems fileSystems) {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
    }

    static boolean isAvroFile(String name) {
        return name.toLowerCase(Locale.ROOT).endsWith(".avro");
    }

    @Override
    public SourceFormat format() {
        return SourceFormat.AVRO;
    }

    @Override
    public List<SourceSplit> splits(SourceScan scan) {
        String location = scan.table().location();
        return new SplitLister(fileSystems.forLocation(location), AvroSourceReader::isAvroFile, "Avro (.avro)")
                .list(location, scan.partitionFilter());
    }

    @Override
    public RowStream open(SourceScan scan, SourceSplit split, RejectCollector rejects) {
        requireNonNull(scan, "scan is null");
        requireNonNull(split, "split is null");
        requireNonNull(rejects, "rejects is null");
        return new AvroRowStream(fileSystems.forLocation(split.file().path()), scan, split, rejects);
    }
}
