package io.haechi.builder.reject;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;

/**
 * How many rejected rows a build tolerates. A build fails when the rejected rows exceed {@code maxRows} or, when
 * {@code maxFraction} is set, when their share of the rows read exceeds it; either limit alone can fail it. The
 * default ({@link #NONE}) tolerates no rejected row at all.
 *
 * @param maxRows most rejected rows tolerated, or -1 for no absolute limit
 * @param maxFraction largest tolerated share of rejected rows among the rows read (0..1), or -1 for no share limit
 */
public record RejectThreshold(long maxRows, double maxFraction) {
    /** Not a single rejected row: the default. */
    public static final RejectThreshold NONE = new RejectThreshold(0, -1);

    public RejectThreshold {
        if (maxRows < -1) {
            throw new IllegalArgumentException("maxRows must be -1 (no limit) or at least 0, got " + maxRows);
        }
        if (maxFraction != -1 && !(maxFraction >= 0 && maxFraction <= 1)) {
            throw new IllegalArgumentException("maxFraction must be -1 (no limit) or between 0 and 1, got "
                    + maxFraction);
        }
        if (maxRows == -1 && maxFraction == -1) {
            throw new IllegalArgumentException("a threshold needs maxRows or maxFraction; use unlimited() for none");
        }
    }

    public static RejectThreshold rows(long maxRows) {
        return new RejectThreshold(maxRows, -1);
    }

    public static RejectThreshold fraction(double maxFraction) {
        return new RejectThreshold(-1, maxFraction);
    }

    /** Tolerates any number of rejected rows (they are still counted and reported). */
    public static RejectThreshold unlimited() {
        return new RejectThreshold(Long.MAX_VALUE, -1);
    }

    /** Whether the report's rejected rows are over this threshold. */
    public boolean isExceededBy(RejectReport report) {
        long rejected = report.rejectedRows();
        if (maxRows >= 0 && rejected > maxRows) {
            return true;
        }
        if (maxFraction >= 0 && rejected > 0) {
            long read = Math.max(1, report.rowsRead());
            return (double) rejected / read > maxFraction;
        }
        return false;
    }

    /**
     * Throws {@link ErrorCode#REJECTED_ROWS_OVER_THRESHOLD} with the whole report as text when the report is over
     * this threshold.
     */
    public void check(RejectReport report) {
        if (isExceededBy(report)) {
            throw new HaechiException(ErrorCode.REJECTED_ROWS_OVER_THRESHOLD,
                    report.rejectedRows() + " rejected rows exceed the threshold of " + describe() + "\n"
                            + report.toText());
        }
    }

    /** The threshold in words: {@code 0 rows}, {@code 1.5% of the rows read}, {@code 10 rows or 1% of ...}. */
    public String describe() {
        String rows = maxRows >= 0 ? maxRows + (maxRows == 1 ? " row" : " rows") : null;
        String share = maxFraction >= 0 ? (maxFraction * 100) + "% of the rows read" : null;
        if (rows != null && share != null) {
            return rows + " or " + share;
        }
        return rows != null ? rows : share;
    }
}
