package io.haechi.bench.report;

import static io.haechi.bench.report.Report.fmt;

import com.fasterxml.jackson.databind.JsonNode;

/** The targets of issue 6, each with what this run measured and whether it holds (reported, never asserted). */
final class Targets {
    private Targets() {
    }

    static void section(StringBuilder b, Report.RunData d, String sf, LatencyTable ssb, LatencyTable ads) {
        b.append("## Targets\n\n| target | measured | holds |\n|---|---|---|\n");
        double factor = sf.equals("10") ? 20 : 10;
        for (String t : ssb.contenders()) {
            String n = Report.NAMES.getOrDefault(t, t);
            double max = ssb.maxP50(t);
            row(b, "every SSB query p50 ≤ 10 ms over JDBC (" + n + ")", fmt("slowest p50 %s ms", LatencyTable.ms(max)),
                    max <= 10);
            ssb.sumRatio(t).ifPresent(r -> row(b, fmt("Σ of the 13 ≥ %.0f× faster than DuckDB (%s)", factor, n),
                    fmt("Σ %s ms vs DuckDB %s ms: %s", LatencyTable.ms(ssb.sumP50(t)),
                            LatencyTable.ms(ssb.sumP50("duckdb")), LatencyTable.ratio(r)), r >= factor));
        }
        JsonNode b1 = d.builds().get("ssb_b");
        if (b1 != null) {
            double s = b1.path("wall_s").asDouble();
            row(b, "SSB design B built end to end in ≤ 10 s", fmt("%.1f s%s", s, reused(b1)), s <= 10);
        }
        JsonNode a = d.builds().get("ssb_a");
        JsonNode ga = d.groupingSets().get("ssb_a");
        if (a != null && ga != null) {
            double s = a.path("wall_s").asDouble();
            double duck = ga.path("seconds").asDouble();
            row(b, "SSB design A built faster than DuckDB's GROUPING SETS, -Xmx2g", fmt("%.1f s vs DuckDB %.1f s%s",
                    s, duck, reused(a)), s < duck);
        }
        JsonNode ad = d.builds().get("ads");
        if (ad != null) {
            double rate = ad.path("source_rows_per_s").asDouble();
            row(b, "ads ≥ 129,000 source rows/s end to end", fmt("%,.0f rows/s (scale %s)%s", rate,
                    d.run().path("ads_scale").asText(), reused(ad)), rate >= 129_000);
        }
        JsonNode levels = d.client().path("concurrency").path("levels");
        if (levels.isArray() && levels.size() > 0) {
            JsonNode best = null;
            for (JsonNode l : levels) {
                if (best == null || l.path("qps").asDouble() > best.path("qps").asDouble()) {
                    best = l;
                }
            }
            boolean holds = false;
            for (JsonNode l : levels) {
                holds |= l.path("qps").asDouble() >= 1000 && l.path("p99_ms").asDouble() <= 50
                        && l.path("errors").asLong() == 0;
            }
            row(b, "≥ 1,000 QPS mixed with p99 ≤ 50 ms", fmt("best %,.0f QPS at %d threads (p99 %s ms)",
                    best.path("qps").asDouble(), best.path("threads").asInt(),
                    LatencyTable.ms(best.path("p99_ms").asDouble())), holds);
        }
        b.append('\n');
    }

    private static String reused(JsonNode build) {
        return build.path("reused").asBoolean() ? " (built " + build.path("built_at").asText() + ", reused)" : "";
    }

    private static void row(StringBuilder b, String target, String measured, boolean holds) {
        b.append("| ").append(target).append(" | ").append(measured).append(" | ")
                .append(holds ? "**yes**" : "no").append(" |\n");
    }
}
