package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import io.haechi.bench.queries.SsbQueries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The client side of {@code benchmarks/run.sh}, in a JVM whose classpath is JMH, DuckDB and the thin driver jar:
 * starts {@code haechi server} (cold start: launch to first answer), checks that Haechi answers every query shape as
 * DuckDB does on the first literal sets, runs the JMH latency benchmarks (forks inherit this classpath), runs the
 * concurrency workload, stops the server and writes {@code client.json} next to {@code jmh.json}.
 *
 * <p>Arguments: {@code --launcher ./haechi --config FILE --port N --out DIR --duckdb-ssb FILE --projects ssb_b[,ssb_a]
 * [--duckdb-ads FILE] [--quick]}.
 */
public final class ClientMain {
    static final int VERIFY_SETS = 8;

    private ClientMain() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        boolean quick = a.containsKey("quick");
        Path out = Path.of(a.get("out"));
        Files.createDirectories(out);
        String url = "jdbc:haechi://127.0.0.1:" + Args.required(a, "port") + "/";
        System.setProperty(Engines.HAECHI_URL, url);
        String duckSsb = Args.required(a, "duckdb-ssb");
        String duckAds = a.get("duckdb-ads");
        List<String> projects = List.of(Args.required(a, "projects").split(","));
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("quick", quick);
        LoadAverage overall = LoadAverage.start();

        AdsPools pools = null;
        if (duckAds != null) {
            try (Connection duck = Engines.duckdb(duckAds)) {
                pools = AdsPools.read(duck);
            }
            System.setProperty(AdsPools.PROPERTY, pools.encode());
        }
        HaechiServer.loadDriver();
        log("starting haechi server (" + a.get("config") + ")");
        try (HaechiServer server = HaechiServer.start(Path.of(a.get("launcher")), Path.of(a.get("config")),
                out.resolve("server.log"))) {
            BenchQuery q11 = SsbQueries.all().get(0);
            double coldMs = server.awaitFirstAnswer(url + projects.get(0), q11.inline(q11.paper()), 600);
            log(String.format("cold start: first answer %.0f ms after the launch", coldMs));
            results.put("cold_start", Map.of("launch_to_first_answer_ms", coldMs, "query", "Q1.1 on "
                    + projects.get(0), "load_average", LoadAverage.now()));

            results.put("verification", verify(projects, duckSsb, pools, duckAds));

            try (LoadAverage load = LoadAverage.start()) {
                runJmh(quick, url, duckSsb, duckAds, projects, pools, out.resolve("jmh.json"));
                results.put("jmh_load_average", load.summary());
            }

            List<LoadTest.Shape> shapes = new ArrayList<>();
            SsbQueries.all().forEach(q -> shapes.add(new LoadTest.Shape(projects.get(0), q)));
            if (pools != null) {
                pools.queries().forEach(q -> shapes.add(new LoadTest.Shape("ads", q)));
            }
            List<Object> levels = new ArrayList<>();
            for (int threads : new int[] {1, 8, 32, 128}) {
                try (LoadAverage load = LoadAverage.start()) {
                    log("concurrency: " + threads + " client threads");
                    Map<String, Object> r = LoadTest.run(shapes, threads, quick ? 3_000 : 10_000,
                            quick ? 10_000 : 30_000);
                    r.put("load_average", load.summary());
                    log("  " + r);
                    levels.add(r);
                }
            }
            results.put("concurrency", Map.of("shapes", shapes.size(), "mix", "SSB paper queries on "
                    + projects.get(0) + (pools != null ? " and the ad analyst queries on ads" : "")
                    + ", uniformly at random, fresh random literals", "levels", levels));
            log("stopping haechi server");
        }
        overall.close();
        results.put("load_average", overall.summary());
        Files.writeString(out.resolve("client.json"), Json.write(results));
        log("wrote " + out.resolve("client.json"));
    }

    /** Haechi's rows equal DuckDB's (as sorted lists) for the first {@value #VERIFY_SETS} literal sets of each shape. */
    static List<Object> verify(List<String> projects, String duckSsb, AdsPools pools, String duckAds)
            throws SQLException {
        List<Object> out = new ArrayList<>();
        for (String project : projects) {
            out.addAll(verify("haechi-" + project, duckSsb, SsbQueries.all()));
        }
        if (pools != null) {
            out.addAll(verify("haechi-ads", duckAds, pools.queries()));
        }
        return out;
    }

    private static List<Object> verify(String target, String duckFile, List<BenchQuery> queries) throws SQLException {
        List<Object> out = new ArrayList<>();
        for (BenchQuery q : queries) {
            int equal = 0;
            long rows = 0;
            String firstDiff = null;
            try (Target duck = Target.open("duckdb", duckFile, q); Target haechi = Target.open(target, duckFile, q)) {
                for (int i = 0; i < VERIFY_SETS; i++) {
                    List<String> expected = new ArrayList<>(duck.rows(i));
                    List<String> actual;
                    try {
                        actual = new ArrayList<>(haechi.rows(i));
                    } catch (SQLException e) {
                        firstDiff = firstDiff != null ? firstDiff : "set " + i + ": " + e.getMessage();
                        continue;
                    }
                    expected.sort(null);
                    actual.sort(null);
                    rows += expected.size();
                    if (expected.equals(actual)) {
                        equal++;
                    } else if (firstDiff == null) {
                        firstDiff = "set " + i + " " + q.literalSets(Target.SEED, VERIFY_SETS).get(i) + ": DuckDB "
                                + head(expected) + ", Haechi " + head(actual);
                    }
                }
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("target", target);
            r.put("query", q.name());
            r.put("sets", VERIFY_SETS);
            r.put("equal", equal);
            r.put("rows", rows);
            r.put("first_difference", firstDiff);
            log("verify " + target + " " + q.name() + ": " + equal + "/" + VERIFY_SETS + " equal to DuckDB"
                    + (firstDiff == null ? "" : "; " + firstDiff));
            out.add(r);
        }
        return out;
    }

    private static String head(List<String> rows) {
        return rows.size() + " rows " + rows.subList(0, Math.min(3, rows.size()));
    }

    private static void runJmh(boolean quick, String url, String duckSsb, String duckAds, List<String> projects,
            AdsPools pools, Path json) throws Exception {
        List<String> targets = new ArrayList<>(List.of("duckdb"));
        projects.forEach(p -> targets.add("haechi-" + p));
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-D" + Engines.HAECHI_URL + "=" + url,
                "-Dbench.duckdb.ssb=" + duckSsb, "-D" + Engines.DUCKDB_THREADS + "="
                        + Integer.getInteger(Engines.DUCKDB_THREADS, 2)));
        if (pools != null) {
            jvm.add("-Dbench.duckdb.ads=" + duckAds);
            jvm.add("-D" + AdsPools.PROPERTY + "=" + pools.encode());
        }
        ChainedOptionsBuilder o = new OptionsBuilder()
                .include(SsbLatency.class.getName() + ".run")
                .param("target", targets.toArray(new String[0]))
                .forks(1)
                .warmupIterations(quick ? 1 : 2)
                .warmupTime(TimeValue.seconds(quick ? 1 : 2))
                .measurementIterations(quick ? 2 : 3)
                .measurementTime(TimeValue.seconds(quick ? 1 : 3))
                .jvmArgsAppend(jvm.toArray(new String[0]))
                .resultFormat(ResultFormatType.JSON)
                .result(json.toString());
        if (pools != null) {
            o.include(AdsLatency.class.getName() + ".run");
        }
        log("JMH: targets " + targets + (pools != null ? ", ads" : ""));
        new Runner(o.build()).run();
    }

    static void log(String s) {
        System.out.println("[client] " + s);
        System.out.flush();
    }
}
