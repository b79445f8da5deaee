package io.haechi.datagen;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.SourceFormat;
import java.util.Locale;

/**
 * The file formats the generators write. Avro is the production format (what the cube builder reads first); CSV is
 * for other tools. Parquet is not offered: parquet-avro needs Hadoop on the classpath, which this module avoids.
 */
public enum OutputFormat {
    /** Avro object container files, deflate level 1, one deterministic sync marker per file. */
    AVRO("avro"),
    /** RFC 4180 CSV: a header line, fields quoted only when needed, LF line ends, UTF-8. */
    CSV("csv");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    /** The file name extension without the dot. */
    public String extension() {
        return extension;
    }

    /** The format as a source table declares it. */
    public SourceFormat sourceFormat() {
        return this == AVRO ? SourceFormat.AVRO : SourceFormat.CSV;
    }

    /** Parses {@code avro} or {@code csv}, ignoring case. */
    public static OutputFormat parse(String text) {
        requireNonNull(text, "text is null");
        for (OutputFormat f : values()) {
            if (f.name().equalsIgnoreCase(text.trim())) {
                return f;
            }
        }
        if (text.trim().toLowerCase(Locale.ROOT).equals("parquet")) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                    "format 'parquet' is not supported by the generators (it needs Hadoop); use avro or csv");
        }
        throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                "format '" + text + "' is not known; expected avro or csv");
    }
}
