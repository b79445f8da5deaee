package io.haechi.builder.reject;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts rows read, rows left out by the build range and rejected rows by reason, keeping up to a number of samples
 * per reason. Thread-safe: parallel readers of one build share one collector. Counting is lock-free; only keeping a
 * sample takes a lock, and only until the reason has its samples.
 *
 * <p>Accounting: every row a reader produces from a file counts as read (rows of a corrupt block count as read and
 * rejected when the block header declares them). Rows accepted are read minus filtered minus rejected, so a later
 * stage (the flat-table join) that rejects a row the reader handed on needs no correction.
 */
public final class RejectCollector {
    /** Samples kept per reason unless told otherwise. */
    public static final int DEFAULT_SAMPLES_PER_REASON = 10;

    private final int samplesPerReason;
    private final RejectThreshold failFast;
    private final LongAdder rejectedRows = new LongAdder();
    private final LongAdder rowsRead = new LongAdder();
    private final LongAdder rowsFiltered = new LongAdder();
    private final Map<RejectReason, LongAdder> events = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, LongAdder> rows = new EnumMap<>(RejectReason.class);
    private final Map<RejectReason, List<Rejection>> samples = new EnumMap<>(RejectReason.class);

    public RejectCollector() {
        this(DEFAULT_SAMPLES_PER_REASON);
    }

    public RejectCollector(int samplesPerReason) {
        this(samplesPerReason, null);
    }

    /**
     * A collector that stops the build as soon as the rejected rows exceed the threshold's absolute limit: the
     * {@link #reject} that crosses it throws {@code REJECTED_ROWS_OVER_THRESHOLD} with the report so far, so a build
     * with threshold 0 over a billion bad rows fails on the first one instead of after reading them all. A share
     * limit can only be judged at the end ({@link RejectThreshold#check}).
     *
     * @param failFast the threshold whose row limit ends reading early, or null to always read to the end
     */
    public RejectCollector(int samplesPerReason, RejectThreshold failFast) {
        this.failFast = failFast;
        if (samplesPerReason < 0) {
            throw new IllegalArgumentException("samplesPerReason must not be negative, got " + samplesPerReason);
        }
        this.samplesPerReason = samplesPerReason;
        // Filled once so that the maps are only read afterwards (safe publication through the final fields).
        for (RejectReason r : RejectReason.values()) {
            events.put(r, new LongAdder());
            rows.put(r, new LongAdder());
            samples.put(r, new ArrayList<>());
        }
    }

    /** One more row read from a source. */
    public void rowRead() {
        rowsRead.increment();
    }

    /** {@code n} more rows read from a source. */
    public void rowsRead(long n) {
        rowsRead.add(n);
    }

    /** A row that was read but lies outside the build's partition range (not an error, not built). */
    public void rowFiltered() {
        rowsFiltered.increment();
    }

    /** Counts a rejection and keeps it as a sample while its reason has fewer than the configured samples. */
    public void reject(Rejection rejection) {
        requireNonNull(rejection, "rejection is null");
        events.get(rejection.reason()).increment();
        rows.get(rejection.reason()).add(rejection.rows());
        List<Rejection> kept = samples.get(rejection.reason());
        synchronized (kept) {
            if (kept.size() < samplesPerReason) {
                kept.add(rejection);
            }
        }
        if (failFast != null && failFast.maxRows() >= 0) {
            rejectedRows.add(rejection.rows());
            if (rejectedRows.sum() > failFast.maxRows()) {
                throw new HaechiException(ErrorCode.REJECTED_ROWS_OVER_THRESHOLD, "more than "
                        + failFast.describe() + " rejected; reading stopped at " + rejection.origin()
                        + " (counts so far)\n" + report().toText());
            }
        }
    }

    /** A consistent-enough snapshot: exact once the readers are done. */
    public RejectReport report() {
        Map<RejectReason, RejectReport.ReasonCount> counts = new EnumMap<>(RejectReason.class);
        List<Rejection> kept = new ArrayList<>();
        for (RejectReason r : RejectReason.values()) {
            long n = events.get(r).sum();
            if (n > 0) {
                counts.put(r, new RejectReport.ReasonCount(n, rows.get(r).sum()));
            }
            List<Rejection> s = samples.get(r);
            synchronized (s) {
                kept.addAll(s);
            }
        }
        return new RejectReport(rowsRead.sum(), rowsFiltered.sum(), counts, kept);
    }
}
