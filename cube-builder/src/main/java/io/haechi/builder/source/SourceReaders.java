package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.SourceFormat;

/** Chooses the {@link SourceReader} for a table's {@link SourceFormat}. */
public final class SourceReaders {
    private final SourceFileSystems fileSystems;
    private final CsvOptions csvOptions;

    public SourceReaders(SourceFileSystems fileSystems, CsvOptions csvOptions) {
        this.fileSystems = requireNonNull(fileSystems, "fileSystems is null");
        this.csvOptions = requireNonNull(csvOptions, "csvOptions is null");
    }

    /** Local files and Hadoop URIs with Hadoop's default configuration, CSV with {@link CsvOptions#DEFAULT}. */
    public static SourceReaders defaults() {
        return new SourceReaders(SourceFileSystems.standard(), CsvOptions.DEFAULT);
    }

    /** The reader for a format; {@code UNSUPPORTED_SOURCE} for Parquet (not yet). */
    public SourceReader forFormat(SourceFormat format) {
        requireNonNull(format, "format is null");
        return switch (format) {
            case AVRO -> new AvroSourceReader(fileSystems);
            case CSV -> new CsvSourceReader(fileSystems, csvOptions);
            case PARQUET -> throw new HaechiException(ErrorCode.UNSUPPORTED_SOURCE,
                    "Parquet sources are not supported yet; convert the table to Avro or CSV");
        };
    }
}
