package io.haechi.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.haechi.bench.client.Args;
import io.haechi.bench.queries.SsbQueries;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes {@code benchmarks/results/<name>.md} from a run directory of {@code run.sh}: machine and versions, load
 * averages, the targets of issue 6 with what was measured, SSB and ad latency tables with ratios against DuckDB
 * (charts as SVG next to it), the answers checked against DuckDB, builds next to DuckDB's GROUPING SETS, the
 * concurrency levels and the cold start. Also copies the JMH JSON next to it.
 *
 * <p>{@code Report --run DIR --results DIR --name NAME}
 */
public final class Report {
    static final String SSB = "io.haechi.bench.client.SsbLatency.run";
    static final String ADS = "io.haechi.bench.client.AdsLatency.run";
    static final Map<String, String> NAMES = Map.of("duckdb", "DuckDB", "haechi-ssb_b", "Haechi B",
            "haechi-ssb_a", "Haechi A", "haechi-ads", "Haechi");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Report() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> a = Args.parse(args);
        Path run = Path.of(Args.required(a, "run"));
        Path results = Path.of(Args.required(a, "results"));
        String name = Args.required(a, "name");
        Files.createDirectories(results);
        RunData data = RunData.read(run);
        Map<String, String> charts = new LinkedHashMap<>();
        String md = markdown(data, name, charts);
        for (Map.Entry<String, String> c : charts.entrySet()) {
            Files.writeString(results.resolve(c.getKey()), c.getValue());
        }
        if (Files.exists(run.resolve("jmh.json"))) {
            Files.copy(run.resolve("jmh.json"), results.resolve(name + "-jmh.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(results.resolve(name + ".md"), md);
        System.out.println("[report] wrote " + results.resolve(name + ".md"));
    }

    /** Everything a run directory holds. */
    record RunData(JsonNode run, List<Sample> samples, JsonNode client, Map<String, JsonNode> builds,
            Map<String, JsonNode> groupingSets, Map<String, String> machine) {
        static RunData read(Path dir) throws IOException {
            JsonNode run = JSON.readTree(dir.resolve("run.json").toFile());
            List<Sample> samples = Files.exists(dir.resolve("jmh.json")) ? JmhResults.read(dir.resolve("jmh.json"))
                    : List.of();
            JsonNode client = Files.exists(dir.resolve("client.json")) ? JSON.readTree(dir.resolve("client.json")
                    .toFile()) : JSON.createObjectNode();
            Map<String, JsonNode> builds = new LinkedHashMap<>();
            Map<String, JsonNode> sets = new LinkedHashMap<>();
            for (String p : List.of("ssb_b", "ssb_a", "ads")) {
                Path b = dir.resolve("build-" + p + ".json");
                if (Files.exists(b)) {
                    builds.put(p, JSON.readTree(b.toFile()));
                }
                Path g = dir.resolve("grouping-sets-" + p + ".json");
                if (Files.exists(g)) {
                    sets.put(p, JSON.readTree(g.toFile()));
                }
            }
            return new RunData(run, samples, client, builds, sets, Machine.describe());
        }
    }

    static String markdown(RunData d, String name, Map<String, String> charts) {
        StringBuilder b = new StringBuilder();
        String sf = d.run().path("sf").asText("1");
        boolean quick = d.run().path("quick").asBoolean();
        b.append("# Haechi benchmarks: ").append(name).append("\n\n");
        b.append(quick ? "A **quick** smoke run (`benchmarks/run.sh --quick`): short JMH iterations, SSB design B "
                + "and a small ad cube; figures are indicative.\n\n" : "A full run (`benchmarks/run.sh --sf " + sf
                + "`).\n\n");
        b.append("Every comparison ran DuckDB on the same generated rows in the same run; ratios are DuckDB time / "
                + "Haechi time (above 1: Haechi is faster). The machine is shared, so absolute times drift: trust "
                + "the ratios more, and see the load averages.\n\n");
        machine(b, d);
        List<String> queries = SsbQueries.all().stream().map(q -> q.name()).toList();
        List<Sample> ssb = d.samples().stream().filter(s -> s.benchmark().equals(SSB)).toList();
        List<Sample> ads = d.samples().stream().filter(s -> s.benchmark().equals(ADS)).toList();
        LatencyTable ssbTable = new LatencyTable(ssb, "query", "target", queries,
                List.of("duckdb", "haechi-ssb_b", "haechi-ssb_a"), "duckdb");
        LatencyTable adsTable = new LatencyTable(ads, "query", "engine", List.of("1", "2", "3", "4", "5", "6"),
                List.of("duckdb", "haechi-ads"), "duckdb");
        Targets.section(b, d, sf, ssbTable, adsTable);
        if (!ssb.isEmpty()) {
            b.append("## SSB latency, SF ").append(sf).append(", over JDBC\n\n");
            b.append("The 13 paper queries as prepared statements, each execution with the next of 64 literal sets "
                    + "(the paper's first, then random ones from the generator's domains; the same sets for both "
                    + "engines), every row read. Haechi: a `haechi server` process with the cubes in its embedded "
                    + "HBase, reached through the thin driver jar over loopback, result cache off, plan cache on. "
                    + "DuckDB: embedded in the JMH fork on a database file of the same rows, `threads` = "
                    + d.run().path("duckdb_threads").asText("2") + ". JMH sample time, 1 fork; ms.\n\n");
            b.append(ssbTable.markdown(NAMES)).append('\n');
            String chart = name + "-ssb.svg";
            charts.put(chart, chart(ssbTable, "SSB SF " + sf + " over JDBC: p50 (bar) and p99 (whisker), ms"));
            b.append("![SSB latency per query](").append(chart).append(")\n\n");
        }
        if (!ads.isEmpty()) {
            b.append("## Ad analyst queries (ad-events.md), scale ").append(d.run().path("ads_scale").asText())
                    .append(", ").append(d.run().path("ads_days").asText()).append(" days\n\n");
            b.append("Queries 1–6 of ad-events.md with `:adv`, `:cmp` and `:d` drawn from the 100 busiest "
                    + "advertisers and campaigns and the generated days.\n\n");
            b.append(adsTable.markdown(NAMES)).append('\n');
            String chart = name + "-ads.svg";
            charts.put(chart, chart(adsTable, "Ad analyst queries: p50 (bar) and p99 (whisker), ms"));
            b.append("![Ad query latency](").append(chart).append(")\n\n");
        }
        Sections.verification(b, d.client().path("verification"));
        Sections.builds(b, d);
        Sections.concurrency(b, d.client().path("concurrency"));
        Sections.coldStart(b, d.client().path("cold_start"));
        Sections.loadAverages(b, d);
        b.append("## Reproduce\n\n```sh\nbenchmarks/run.sh").append(quick ? " --quick" : "")
                .append(sf.equals("1") ? "" : " --sf " + sf).append("\n```\n\nbenchmarks/README.md explains the "
                + "phases, the classpaths and the files.\n");
        return b.toString();
    }

    static String chart(LatencyTable t, String title) {
        List<String> series = t.targets();
        List<String> categories = t.rows().stream().map(LatencyTable.Row::query).toList();
        double[][] p50 = new double[series.size()][categories.size()];
        double[][] p99 = new double[series.size()][categories.size()];
        for (int s = 0; s < series.size(); s++) {
            for (int c = 0; c < categories.size(); c++) {
                Sample x = t.rows().get(c).byTarget().get(series.get(s));
                p50[s][c] = x == null ? Double.NaN : x.p50();
                p99[s][c] = x == null ? Double.NaN : x.p99();
            }
        }
        return SvgBarChart.render(title, categories, series.stream().map(x -> NAMES.getOrDefault(x, x)).toList(),
                p50, p99);
    }

    private static void machine(StringBuilder b, RunData d) {
        b.append("## Machine and versions\n\n| | |\n|---|---|\n");
        d.machine().forEach((k, v) -> b.append("| ").append(k).append(" | ").append(v).append(" |\n"));
        b.append("| Haechi commit | ").append(d.run().path("git").asText()).append(" |\n");
        b.append("| started | ").append(d.run().path("started").asText()).append(" |\n\n");
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    /** Machine facts and the versions on the classpath. */
    static final class Machine {
        private Machine() {
        }

        static Map<String, String> describe() {
            Map<String, String> m = new LinkedHashMap<>();
            m.put("CPU", cpu() + ", " + Runtime.getRuntime().availableProcessors() + " cores");
            m.put("memory", memory());
            m.put("OS", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            m.put("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            List<String> versions = new ArrayList<>();
            for (String lib : List.of("calcite-core", "avatica-server", "hbase-shaded-mapreduce", "jmh-core",
                    "duckdb_jdbc")) {
                Matcher x = Pattern.compile("/" + Pattern.quote(lib) + "-([^/]+)\\.jar").matcher(
                        System.getProperty("java.class.path"));
                versions.add(lib + " " + (x.find() ? x.group(1) : "?"));
            }
            m.put("libraries", String.join(", ", versions));
            try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select version()")) {
                rs.next();
                m.put("DuckDB", rs.getString(1));
            } catch (Exception e) {
                m.put("DuckDB", "? (" + e.getMessage() + ")");
            }
            return m;
        }

        private static String cpu() {
            try {
                return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                        .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }

        private static String memory() {
            try {
                return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                        .map(l -> fmt("%.1f GiB", Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0))
                        .findFirst().orElse("?");
            } catch (IOException e) {
                return "?";
            }
        }
    }
}
