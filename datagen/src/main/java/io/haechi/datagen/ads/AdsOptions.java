package io.haechi.datagen.ads;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.OutputFormat;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What {@code haechi gen ads} generates.
 *
 * @param scale ADSF: fact rows are 6,000,000·scale per 28 days, entity counts scale with √scale (0 &lt; scale ≤ 1000)
 * @param days number of days, 1..3660; fact rows are proportional to it
 * @param start the first event date
 * @param outDir output directory; one sub-directory per table
 * @param format output file format
 * @param seed the random seed: the same seed and arguments give byte-identical files
 * @param overwrite replace existing table directories under {@code outDir} instead of failing
 * @param threads worker threads (1..64); days are generated in parallel. The output does not depend on it
 */
public record AdsOptions(double scale, int days, LocalDate start, Path outDir, OutputFormat format, long seed,
        boolean overwrite, int threads) {
    public static final long DEFAULT_SEED = 20240101L;
    public static final LocalDate DEFAULT_START = LocalDate.of(2024, 1, 1);

    public AdsOptions {
        if (!(scale > 0) || scale > 1000) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "scale must be > 0 and <= 1000, got " + scale);
        }
        if (days < 1 || days > 3660) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "days must be between 1 and 3660, got " + days);
        }
        requireNonNull(start, "start is null");
        requireNonNull(outDir, "outDir is null");
        requireNonNull(format, "format is null");
        if (threads < 1 || threads > 64) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "threads must be between 1 and 64, got " + threads);
        }
    }

    /** The default seed, failing on existing files, two threads. */
    public AdsOptions(double scale, int days, LocalDate start, Path outDir, OutputFormat format) {
        this(scale, days, start, outDir, format, DEFAULT_SEED, false, 2);
    }

    public AdsOptions withSeed(long newSeed) {
        return new AdsOptions(scale, days, start, outDir, format, newSeed, overwrite, threads);
    }

    public AdsOptions withOverwrite(boolean replace) {
        return new AdsOptions(scale, days, start, outDir, format, seed, replace, threads);
    }

    public AdsOptions withThreads(int count) {
        return new AdsOptions(scale, days, start, outDir, format, seed, overwrite, count);
    }
}
