package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import io.haechi.bench.queries.SsbQueries;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A quick latency look for a developer working on the query path (not part of the report): runs each SSB query with
 * its literal sets against a running server for a few seconds and prints p50 and p99.
 * {@code Probe --port N [--project ssb_b] [--seconds 3] [--only Q3.4] [--ads-duckdb FILE] [--explain]} (with the DuckDB file of
 * the ad events, the ad queries on project {@code ads} instead).
 */
public final class Probe {
    private Probe() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        System.setProperty(Engines.HAECHI_URL, "jdbc:haechi://127.0.0.1:" + Args.required(a, "port") + "/");
        String project = a.getOrDefault("project", "ssb_b");
        long millis = (long) (Double.parseDouble(a.getOrDefault("seconds", "3")) * 1000);
        double sum = 0;
        List<BenchQuery> queries = SsbQueries.all();
        if (a.containsKey("ads-duckdb")) {
            try (java.sql.Connection duck = Engines.duckdb(a.get("ads-duckdb"))) {
                queries = AdsPools.read(duck).queries();
            }
            project = "ads";
        }
        for (BenchQuery q : queries) {
            if (a.containsKey("only") && !q.name().equals(a.get("only"))) {
                continue;
            }
            if (a.containsKey("explain")) {
                try (java.sql.Connection c = Engines.haechi(project); java.sql.Statement st = c.createStatement();
                        java.sql.ResultSet rs = st.executeQuery("explain plan for " + q.inline(q.paper()))) {
                    System.out.println(q.name() + ":");
                    Engines.rows(rs).forEach(System.out::println);
                }
                continue;
            }
            try (Target t = Target.open("haechi-" + project, null, q)) {
                for (int i = 0; i < 20; i++) {
                    t.runNext();
                }
                List<Long> ns = new ArrayList<>();
                long end = System.nanoTime() + millis * 1_000_000;
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    t.runNext();
                    ns.add(System.nanoTime() - t0);
                }
                long[] s = ns.stream().mapToLong(Long::longValue).toArray();
                Arrays.sort(s);
                double p50 = LoadTest.percentile(s, 50);
                sum += p50;
                System.out.printf(Locale.ROOT, "%-28s p50 %7.3f ms  p99 %7.3f ms  (%d runs)%n", q.name(), p50,
                        LoadTest.percentile(s, 99), s.length);
            }
        }
        System.out.printf(Locale.ROOT, "sum of p50 %.2f ms%n", sum);
    }
}
