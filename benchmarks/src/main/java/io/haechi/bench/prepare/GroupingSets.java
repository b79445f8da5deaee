package io.haechi.bench.prepare;

import io.haechi.bench.client.Args;
import io.haechi.bench.client.LoadAverage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * DuckDB computing the cuboid set of a built cube with one {@code GROUP BY GROUPING SETS} over the same rows (the
 * model's star join of the DuckDB copy of the generated tables): the fair peer of the build's aggregation work.
 * Threads pinned, {@code memory_limit} and a {@code temp_directory} so that it spills instead of taking the shared
 * machine down. Run in a JVM of its own: the process's peak resident memory ({@code VmHWM}) is DuckDB's.
 *
 * <p>{@code grouping-sets --work DIR --project P --duckdb FILE --out DIR --records DIR [--memory-limit 8GB]}: when
 * the cube's build was reused, DuckDB's figure recorded next to it (in {@code --records}, measured in the run that
 * built it) is reused too, so that both sides of the comparison come from the same run.
 */
final class GroupingSets {
    private GroupingSets() {
    }

    @SuppressWarnings("unchecked")
    static void main(Path work, Map<String, String> a) throws Exception {
        String project = Args.required(a, "project");
        Path out = Path.of(Args.required(a, "out"));
        Path recordFile = out.resolve("build-" + project + ".json");
        Map<String, Object> build = Prepare.JSON.readValue(recordFile.toFile(), Map.class);
        Path records = Path.of(Args.required(a, "records"));
        Path recorded = records.resolve("grouping-sets-" + project + ".json");
        if (Boolean.TRUE.equals(build.get("reused")) && Files.exists(recorded)) {
            Map<String, Object> r = Prepare.JSON.readValue(recorded.toFile(), Map.class);
            r.put("reused", true);
            Files.writeString(out.resolve("grouping-sets-" + project + ".json"), Prepare.JSON.writeValueAsString(r));
            Prepare.log(project + ": build reused, so DuckDB's GROUPING SETS figure of that run is reused too");
            return;
        }
        Map<String, Object> sets = (Map<String, Object>) build.get("cuboids_sql");
        List<List<String>> groups = (List<List<String>>) sets.get("grouping_sets");
        List<String> measures = (List<String>) sets.get("measures");
        String memory = a.getOrDefault("memory-limit", "8GB");
        int threads = Integer.parseInt(a.getOrDefault("threads", "2"));
        Path temp = work.resolve("duckdb-tmp");
        Prepare.deleteTree(temp);
        Files.createDirectories(temp);
        String inner = "select " + aliasMeasures(measures) + " from " + sets.get("from")
                + " group by grouping sets (" + groups.stream().map(g -> "(" + String.join(", ", g) + ")")
                .collect(Collectors.joining(", ")) + ")";
        // Every group and every measure is computed: the outer query reads them all.
        StringBuilder outer = new StringBuilder("select count(*)");
        for (int i = 0; i < measures.size(); i++) {
            outer.append(", sum(m").append(i).append(")");
        }
        String sql = outer + " from (" + inner + ")";
        Properties p = new Properties();
        p.setProperty("duckdb.read_only", "true");
        Map<String, Object> r = new LinkedHashMap<>();
        try (LoadAverage load = LoadAverage.start();
                Connection c = DriverManager.getConnection("jdbc:duckdb:" + Args.required(a, "duckdb"), p);
                Statement st = c.createStatement()) {
            st.execute("SET threads = " + threads);
            st.execute("SET memory_limit = '" + memory + "'");
            st.execute("SET temp_directory = '" + temp + "'");
            st.execute("SET preserve_insertion_order = false");
            Prepare.log(project + ": DuckDB GROUPING SETS over " + groups.size() + " cuboids (threads " + threads
                    + ", memory_limit " + memory + ")");
            long t0 = System.nanoTime();
            long rows;
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                rows = rs.getLong(1);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            r.put("project", project);
            r.put("reused", false);
            r.put("at", Instant.now().toString());
            r.put("cuboids", groups.size());
            r.put("rows", rows);
            r.put("seconds", seconds);
            r.put("threads", threads);
            r.put("memory_limit", memory);
            r.put("peak_rss_bytes", peakRss());
            r.put("load_average", load.summary());
            Prepare.log(String.format("%s: DuckDB %d cuboid rows in %.1f s, peak RSS %.2f GB", project, rows, seconds,
                    peakRss() / 1e9));
        }
        Prepare.deleteTree(temp);
        Files.createDirectories(records);
        Files.writeString(recorded, Prepare.JSON.writeValueAsString(r));
        Files.writeString(out.resolve("grouping-sets-" + project + ".json"), Prepare.JSON.writeValueAsString(r));
    }

    private static String aliasMeasures(List<String> measures) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < measures.size(); i++) {
            b.append(i > 0 ? ", " : "").append(measures.get(i)).append(" as m").append(i);
        }
        return b.toString();
    }

    /** This process's peak resident set ({@code VmHWM}), in bytes; -1 where /proc is missing. */
    static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
