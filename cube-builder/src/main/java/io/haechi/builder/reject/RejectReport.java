package io.haechi.builder.reject;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a build read and what it left out, for the build report: rows read, rows outside the build range, rows
 * accepted, and rejections by reason with samples.
 *
 * @param rowsRead rows the sources produced (including rejected ones and declared rows of corrupt blocks)
 * @param rowsFiltered rows read that lie outside the build's partition range (not built, not an error)
 * @param byReason rejections and rejected rows per reason (reasons without a rejection are absent)
 * @param samples kept samples, sorted by reason, file and position
 */
public record RejectReport(long rowsRead, long rowsFiltered, Map<RejectReason, ReasonCount> byReason,
                           List<Rejection> samples) {
    /**
     * Counts for one reason.
     *
     * @param rejections how many rejections (rows; for corrupt blocks, blocks)
     * @param rows how many input rows they account for
     */
    public record ReasonCount(long rejections, long rows) {
    }

    private static final Comparator<Rejection> ORDER = Comparator.comparing(Rejection::reason)
            .thenComparing(r -> r.origin().file())
            .thenComparingLong(r -> r.origin().number());

    public RejectReport {
        requireNonNull(byReason, "byReason is null");
        requireNonNull(samples, "samples is null");
        EnumMap<RejectReason, ReasonCount> copy = new EnumMap<>(RejectReason.class);
        copy.putAll(byReason);
        byReason = Collections.unmodifiableMap(copy);
        List<Rejection> sorted = new ArrayList<>(samples);
        sorted.sort(ORDER);
        samples = List.copyOf(sorted);
    }

    /** An empty report: nothing read. */
    public static RejectReport empty() {
        return new RejectReport(0, 0, Map.of(), List.of());
    }

    /** Input rows left out by rejections, all reasons together. */
    public long rejectedRows() {
        long n = 0;
        for (ReasonCount c : byReason.values()) {
            n += c.rows();
        }
        return n;
    }

    /** Rejections (rows or corrupt blocks), all reasons together. */
    public long rejections() {
        long n = 0;
        for (ReasonCount c : byReason.values()) {
            n += c.rejections();
        }
        return n;
    }

    /** Rows read that go into the build: read minus filtered minus rejected. */
    public long rowsAccepted() {
        return rowsRead - rowsFiltered - rejectedRows();
    }

    /** Rejected rows for one reason (0 when none). */
    public long rejectedRows(RejectReason reason) {
        ReasonCount c = byReason.get(reason);
        return c == null ? 0 : c.rows();
    }

    /** Rejections for one reason (0 when none). */
    public long rejections(RejectReason reason) {
        ReasonCount c = byReason.get(reason);
        return c == null ? 0 : c.rejections();
    }

    /** The samples kept for one reason. */
    public List<Rejection> samples(RejectReason reason) {
        return samples.stream().filter(s -> s.reason() == reason).toList();
    }

    /**
     * The report as text for the CLI and logs, e.g.
     * <pre>
     * rows read 1000, accepted 990, outside the build range 0, rejected 10
     *   value of the wrong type (WRONG_TYPE): 4 rows
     *     lineorder.csv line 12, column lo_tax: 'x' (expected an INT)
     * </pre>
     */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append("rows read ").append(rowsRead)
                .append(", accepted ").append(rowsAccepted())
                .append(", outside the build range ").append(rowsFiltered)
                .append(", rejected ").append(rejectedRows());
        for (Map.Entry<RejectReason, ReasonCount> e : byReason.entrySet()) {
            RejectReason reason = e.getKey();
            ReasonCount c = e.getValue();
            b.append("\n  ").append(reason.description()).append(" (").append(reason.name()).append("): ");
            if (reason == RejectReason.CORRUPT_BLOCK) {
                b.append(c.rejections()).append(c.rejections() == 1 ? " block" : " blocks")
                        .append(" holding ").append(c.rows()).append(" declared rows");
            } else {
                b.append(c.rows()).append(c.rows() == 1 ? " row" : " rows");
            }
            List<Rejection> kept = samples(reason);
            for (Rejection s : kept) {
                b.append("\n    ").append(s.describe());
            }
            if (kept.size() < c.rejections()) {
                b.append("\n    ... and ").append(c.rejections() - kept.size()).append(" more");
            }
        }
        return b.toString();
    }
}
