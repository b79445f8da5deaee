package io.haechi.datagen.ssb;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.OutputFormat;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Path;

/**
 * What {@code haechi gen ssb} generates.
 *
 * @param scaleFactor SSB scale factor: &gt; 0 and ≤ 10,000, fractions included (SF 0.01 for tests)
 * @param outDir output directory; one sub-directory per table
 * @param format output file format
 * @param overwrite replace existing table directories under {@code outDir} instead of failing
 * @param threads worker threads (1..64): the fact table and the dimension tables are written in parallel. The
 *     output does not depend on it
 */
public record SsbOptions(double scaleFactor, Path outDir, OutputFormat format, boolean overwrite, int threads) {
    public SsbOptions {
        SsbScale.of(scaleFactor);
        requireNonNull(outDir, "outDir is null");
        requireNonNull(format, "format is null");
        if (threads < 1 || threads > 64) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "threads must be between 1 and 64, got " + threads);
        }
    }

    /** Avro or CSV into {@code outDir}, failing on existing files, two threads. */
    public SsbOptions(double scaleFactor, Path outDir, OutputFormat format) {
        this(scaleFactor, outDir, format, false, 2);
    }

    public SsbOptions withOverwrite(boolean replace) {
        return new SsbOptions(scaleFactor, outDir, format, replace, threads);
    }

    public SsbOptions withThreads(int count) {
        return new SsbOptions(scaleFactor, outDir, format, overwrite, count);
    }
}
