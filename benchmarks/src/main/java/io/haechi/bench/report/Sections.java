package io.haechi.bench.report;

import static io.haechi.bench.report.Report.fmt;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** The report's sections after the latency tables. */
final class Sections {
    private Sections() {
    }

    static void verification(StringBuilder b, JsonNode v) {
        if (!v.isArray() || v.isEmpty()) {
            return;
        }
        int sets = 0;
        int equal = 0;
        StringBuilder diffs = new StringBuilder();
        for (JsonNode r : v) {
            sets += r.path("sets").asInt();
            equal += r.path("equal").asInt();
            if (!r.path("first_difference").isNull() && !r.path("first_difference").isMissingNode()) {
                diffs.append("- ").append(r.path("target").asText()).append(' ').append(r.path("query").asText())
                        .append(": ").append(r.path("first_difference").asText()).append('\n');
            }
        }
        b.append("## Answers checked against DuckDB\n\nBefore timing, every shape ran with its first ")
                .append(v.get(0).path("sets").asInt()).append(" literal sets on both engines: **").append(equal)
                .append(" of ").append(sets).append("** results were equal (rows compared as sorted lists, numbers "
                        + "to 9 significant digits).\n\n");
        if (diffs.length() > 0) {
            b.append("Differences:\n\n").append(diffs).append('\n');
        }
    }

    static void builds(StringBuilder b, Report.RunData d) {
        if (d.builds().isEmpty()) {
            return;
        }
        b.append("## Builds\n\nEach cube's one segment built by `Prepare build` (the build service of `haechi "
                + "build`) in a JVM with `-Xmx2g`, into the embedded HBase (a child JVM with its own heap). Peak heap "
                + "is the largest heap occupancy before a collection. DuckDB computes the same cuboid set with one "
                + "`GROUP BY GROUPING SETS` over the same star join (threads pinned, `memory_limit` "
                + d.run().path("duckdb_memory_limit").asText() + ", spilling to a temp directory); its peak is the "
                + "process's resident high-water mark.\n\n");
        b.append("| cube | steps (s) | total | source rows/s | cuboids | cuboid rows | cuboid rows/s | peak heap | "
                + "stored | DuckDB GROUPING SETS | DuckDB peak RSS | ratio |\n|---|---|---:|---:|---:|---:|---:|---:|"
                + "---:|---:|---:|---:|\n");
        for (Map.Entry<String, JsonNode> e : d.builds().entrySet()) {
            JsonNode r = e.getValue();
            StringBuilder steps = new StringBuilder();
            r.path("steps_s").fields().forEachRemaining(s -> steps.append(steps.length() > 0 ? ", " : "")
                    .append(s.getKey()).append(' ').append(fmt("%.1f", s.getValue().asDouble())));
            JsonNode g = d.groupingSets().get(e.getKey());
            double wall = r.path("wall_s").asDouble();
            b.append("| ").append(r.path("title").asText()).append(r.path("reused").asBoolean() ? " (built "
                    + r.path("built_at").asText() + ", reused)" : "").append(" | ").append(steps).append(" | ")
                    .append(fmt("%.1f s", wall)).append(" | ").append(fmt("%,.0f", r.path("source_rows_per_s")
                            .asDouble())).append(" | ").append(r.path("cuboids").asInt()).append(" | ")
                    .append(fmt("%,d", r.path("cuboid_rows").asLong())).append(" | ")
                    .append(fmt("%,.0f", r.path("cuboid_rows_per_s").asDouble())).append(" | ")
                    .append(bytes(r.path("peak_heap_bytes").asLong())).append(" | ")
                    .append(bytes(r.path("bytes_stored").asLong())).append(" | ");
            if (g == null) {
                b.append("not run | | |\n");
            } else {
                double s = g.path("seconds").asDouble();
                b.append(fmt("%.1f s (%,d rows)", s, g.path("rows").asLong())).append(" | ")
                        .append(bytes(g.path("peak_rss_bytes").asLong())).append(" | ")
                        .append(LatencyTable.ratio(s / wall)).append(" |\n");
            }
        }
        b.append('\n');
    }

    static void concurrency(StringBuilder b, JsonNode c) {
        JsonNode levels = c.path("levels");
        if (!levels.isArray() || levels.isEmpty()) {
            return;
        }
        b.append("## Concurrency\n\nA mixed dashboard workload: ").append(c.path("mix").asText()).append(" (")
                .append(c.path("shapes").asInt()).append(" shapes), result cache off; every client thread has its "
                        + "own connections and runs back to back after a warm-up.\n\n");
        b.append("| client threads | QPS | p50 ms | p90 ms | p99 ms | max ms | queries | errors | load avg |\n"
                + "|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (JsonNode l : levels) {
            b.append(fmt("| %d | %,.0f | %s | %s | %s | %s | %,d | %d%s | %.1f |%n", l.path("threads").asInt(),
                    l.path("qps").asDouble(), LatencyTable.ms(l.path("p50_ms").asDouble()),
                    LatencyTable.ms(l.path("p90_ms").asDouble()), LatencyTable.ms(l.path("p99_ms").asDouble()),
                    LatencyTable.ms(l.path("max_ms").asDouble()), l.path("queries").asLong(),
                    l.path("errors").asLong(), l.path("errors").asLong() > 0 ? " (" + l.path("errors_by_sqlstate")
                            + ")" : "", l.path("load_average").path("mean").asDouble()));
        }
        for (JsonNode l : levels) {
            if (!l.path("first_error").isNull() && !l.path("first_error").isMissingNode()) {
                b.append("\nFirst error at ").append(l.path("threads").asInt()).append(" threads: `")
                        .append(l.path("first_error").asText().replace('`', '\'')).append("`\n");
            }
        }
        b.append('\n');
    }

    static void coldStart(StringBuilder b, JsonNode c) {
        if (c.isMissingNode()) {
            return;
        }
        b.append("## Cold start\n\n`haechi server` launched (the launcher, the server JVM, the embedded HBase as a "
                + "child JVM, Calcite warmed up) to the first query answered over the thin driver (")
                .append(c.path("query").asText()).append("): **").append(fmt("%.1f s", c.path(
                        "launch_to_first_answer_ms").asDouble() / 1000)).append("** (load average ")
                .append(fmt("%.1f", c.path("load_average").asDouble())).append(").\n\n");
    }

    static void loadAverages(StringBuilder b, Report.RunData d) {
        b.append("## Load average during the run\n\n| phase | min | mean | max |\n|---|---:|---:|---:|\n");
        for (Map.Entry<String, JsonNode> e : d.builds().entrySet()) {
            if (!e.getValue().path("reused").asBoolean()) {
                load(b, "build " + e.getKey(), e.getValue().path("load_average"));
            }
        }
        d.groupingSets().forEach((k, v) -> load(b, "DuckDB GROUPING SETS " + k, v.path("load_average")));
        load(b, "JMH latency", d.client().path("jmh_load_average"));
        load(b, "client side overall", d.client().path("load_average"));
        b.append('\n');
    }

    private static void load(StringBuilder b, String phase, JsonNode l) {
        if (l.isMissingNode()) {
            return;
        }
        b.append(fmt("| %s | %.1f | %.1f | %.1f |%n", phase, l.path("min").asDouble(), l.path("mean").asDouble(),
                l.path("max").asDouble()));
    }

    static String bytes(long n) {
        if (n < 0) {
            return "?";
        }
        return n >= 1L << 30 ? fmt("%.2f GB", n / 1e9) : fmt("%.0f MB", n / 1e6);
    }
}
