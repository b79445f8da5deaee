package io.haechi.datagen.ssb;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;

/**
 * Row counts and key ranges of SSB at a scale factor, by dbgen's rules (ssb.md §1.1).
 *
 * @param scaleFactor the scale factor, &gt; 0
 * @param customers customer rows, 30,000·SF
 * @param suppliers supplier rows, 2,000·SF
 * @param parts part rows: 200,000·⌊1+log2 SF⌋ for SF ≥ 1, 200,000·SF below (as eyalroz's dbgen)
 * @param partKeyMax the largest {@code lo_partkey}: 200,000·(⌊ln SF⌋+1) for SF ≥ 1 (dbgen's rule, smaller than
 *     the part count from SF 2 on), 200,000·SF below
 * @param orders orders, 1,500,000·SF; each has 1..7 lineorder rows
 */
public record SsbScale(double scaleFactor, long customers, long suppliers, long parts, long partKeyMax, long orders) {
    /** The date table always has every day of 1992-01-01..1998-12-31. */
    public static final int DATE_ROWS = 2557;

    /** The largest scale factor; customer keys (30,000·SF) are INT, which would overflow from SF 71,583. */
    public static final double MAX_SCALE_FACTOR = 10_000;

    public SsbScale {
        if (customers < 1 || suppliers < 1 || parts < 1 || partKeyMax < 1 || orders < 1) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "scale factor " + scaleFactor
                    + " is too small: every SSB table needs at least one row (use SF >= 0.0005)");
        }
    }

    public static SsbScale of(double sf) {
        if (!(sf > 0) || sf > MAX_SCALE_FACTOR || Double.isNaN(sf)) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                    "scale factor must be > 0 and <= " + (long) MAX_SCALE_FACTOR + ", got " + sf);
        }
        long parts;
        long partKeyMax;
        if (sf >= 1) {
            parts = 200_000L * (long) Math.floor(1 + log2(sf));
            partKeyMax = 200_000L * ((long) Math.floor(Math.log(sf)) + 1);
        } else {
            parts = scaled(200_000, sf);
            partKeyMax = parts;
        }
        return new SsbScale(sf, scaled(30_000, sf), scaled(2_000, sf), parts, partKeyMax, scaled(1_500_000, sf));
    }

    /** {@code base·sf} rounded down, with a small tolerance so that 30,000·0.29 gives 8,700 and not 8,699. */
    static long scaled(long base, double sf) {
        return (long) Math.floor(base * sf + 1e-6);
    }

    private static double log2(double x) {
        // exact for powers of two, where Math.log(x)/Math.log(2) may land just below the integer
        long bits = Double.doubleToLongBits(x);
        if ((bits & 0x000FFFFFFFFFFFFFL) == 0) {
            return Math.getExponent(x);
        }
        return Math.log(x) / Math.log(2);
    }

    /** The sparse order key of order {@code i} (1-based): dbgen keeps 3 low bits and leaves gaps of 2 bits. */
    public static long orderKey(long i) {
        return ((i >> 3) << 5) | (i & 7);
    }
}
