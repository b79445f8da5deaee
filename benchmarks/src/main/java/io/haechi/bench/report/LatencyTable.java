package io.haechi.bench.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Per query, p50 and p99 of each target and the ratio DuckDB p50 / Haechi p50 (above 1: Haechi is faster), with the
 * sums over the queries. Built from the samples of one benchmark, grouped by its query parameter.
 */
public final class LatencyTable {
    /** A query's figures per target. */
    public record Row(String query, Map<String, Sample> byTarget) {
    }

    private final List<String> targets;
    private final String baseline;
    private final List<Row> rows;

    /**
     * @param samples the benchmark's samples
     * @param queryParam the parameter naming the query
     * @param targetParam the parameter naming the engine
     * @param queries the query names in report order (those without samples are left out)
     * @param targets the targets in column order (those without samples are left out)
     * @param baseline the target the others are compared with ({@code duckdb})
     */
    public LatencyTable(List<Sample> samples, String queryParam, String targetParam, List<String> queries,
            List<String> targets, String baseline) {
        this.baseline = baseline;
        this.targets = targets.stream().filter(t -> samples.stream().anyMatch(s -> s.param(targetParam).equals(t)))
                .toList();
        this.rows = new ArrayList<>();
        for (String q : queries) {
            Map<String, Sample> by = new LinkedHashMap<>();
            for (Sample s : samples) {
                if (s.param(queryParam).equals(q)) {
                    by.put(s.param(targetParam), s);
                }
            }
            if (!by.isEmpty()) {
                rows.add(new Row(q, by));
            }
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public List<String> targets() {
        return targets;
    }

    /** The contenders: every target but the baseline. */
    public List<String> contenders() {
        return targets.stream().filter(t -> !t.equals(baseline)).toList();
    }

    /** Σ p50 of a target over the queries that every target answered. */
    public double sumP50(String target) {
        return complete().stream().mapToDouble(r -> r.byTarget().get(target).p50()).sum();
    }

    public double sumP99(String target) {
        return complete().stream().mapToDouble(r -> r.byTarget().get(target).p99()).sum();
    }

    private List<Row> complete() {
        return rows.stream().filter(r -> r.byTarget().keySet().containsAll(targets)).toList();
    }

    /** Σ baseline p50 / Σ target p50 (above 1: the target is faster in total). */
    public Optional<Double> sumRatio(String target) {
        double t = sumP50(target);
        return t > 0 && targets.contains(baseline) ? Optional.of(sumP50(baseline) / t) : Optional.empty();
    }

    /** The largest p50 of a target. */
    public double maxP50(String target) {
        return rows.stream().filter(r -> r.byTarget().containsKey(target)).mapToDouble(r -> r.byTarget().get(target)
                .p50()).max().orElse(Double.NaN);
    }

    /** Markdown: one row per query and the Σ row; {@code names} gives column titles per target. */
    public String markdown(Map<String, String> names) {
        StringBuilder b = new StringBuilder("| query |");
        StringBuilder rule = new StringBuilder("|---|");
        for (String t : targets) {
            String n = names.getOrDefault(t, t);
            b.append(' ').append(n).append(" p50 | ").append(n).append(" p99 |");
            rule.append("---:|---:|");
        }
        for (String t : contenders()) {
            if (targets.contains(baseline)) {
                b.append(" ratio ").append(names.getOrDefault(t, t)).append(" |");
                rule.append("---:|");
            }
        }
        b.append('\n').append(rule).append('\n');
        for (Row r : rows) {
            b.append("| ").append(r.query()).append(" |");
            for (String t : targets) {
                Sample s = r.byTarget().get(t);
                b.append(s == null ? " – | – |" : " " + ms(s.p50()) + " | " + ms(s.p99()) + " |");
            }
            for (String t : contenders()) {
                if (targets.contains(baseline)) {
                    Sample s = r.byTarget().get(t);
                    Sample base = r.byTarget().get(baseline);
                    b.append(s == null || base == null ? " – |" : " " + ratio(base.p50() / s.p50()) + " |");
                }
            }
            b.append('\n');
        }
        b.append("| **Σ** |");
        for (String t : targets) {
            b.append(" **").append(ms(sumP50(t))).append("** | ").append(ms(sumP99(t))).append(" |");
        }
        for (String t : contenders()) {
            sumRatio(t).ifPresent(x -> b.append(" **").append(ratio(x)).append("** |"));
        }
        return b.append('\n').toString();
    }

    static String ms(double v) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    static String ratio(double v) {
        return String.format(Locale.ROOT, "%.2f×", v);
    }
}
