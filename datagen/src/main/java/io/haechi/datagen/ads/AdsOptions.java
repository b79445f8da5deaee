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
 * @param budgetFactor multiplies every campaign's daily budget (median ₩500,000 at 1.0, as ad-events.md says).
 *     At the spec's prices the whole market spends about ₩0.6M a day at ADSF1, so budgets hardly ever bind; a
 *     factor such as 0.001 makes budget pacing (campaigns stopping mid-day) visible
 */
public record AdsOptions(double scale, int days, LocalDate start, Path outDir, OutputFormat format, long seed,
        boolean overwrite, int threads, double budgetFactor) {
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
        if (!(budgetFactor > 0) || budgetFactor > 1e6) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                    "budget factor must be > 0 and <= 1000000, got " + budgetFactor);
        }
    }

    /** The default seed, failing on existing files, two threads. */
    public AdsOptions(double scale, int days, LocalDate start, Path outDir, OutputFormat format) {
        this(scale, days, start, outDir, format, DEFAULT_SEED, false, 2, 1.0);
    }

    public AdsOptions withSeed(long newSeed) {
        return new AdsOptions(scale, days, start, outDir, format, newSeed, overwrite, threads, budgetFactor);
    }

    public AdsOptions withOverwrite(boolean replace) {
        return new AdsOptions(scale, days, start, outDir, format, seed, replace, threads, budgetFactor);
    }

    public AdsOptions withThreads(int count) {
        return new AdsOptions(scale, days, start, outDir, format, seed, overwrite, count, budgetFactor);
    }

    public AdsOptions withDays(int count) {
        return new AdsOptions(scale, count, start, outDir, format, seed, overwrite, threads, budgetFactor);
    }

    public AdsOptions withBudgetFactor(double factor) {
        return new AdsOptions(scale, days, start, outDir, format, seed, overwrite, threads, factor);
    }
}
