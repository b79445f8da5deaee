package io.haechi.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportTest {
    @TempDir
    Path tmp;

    /** A JMH sample-time result as JMH 1.37 writes it (trimmed to the fields read). */
    static String jmh(String benchmark, String params, double p50, double p99, String unit) {
        return """
                {"benchmark": "%s", "mode": "sample", "params": {%s},
                 "primaryMetric": {"score": %s, "scoreUnit": "%s",
                   "scorePercentiles": {"0.0": 0.1, "50.0": %s, "90.0": %s, "99.0": %s, "100.0": %s},
                   "rawDataHistogram": [[[[%s, 30], [%s, 12]]]]}}
                """.formatted(benchmark, params, p50, unit, p50, p99, p99, p99 * 2, p50, p99);
    }

    static List<Sample> ssbSamples() throws Exception {
        List<String> parts = new ArrayList<>();
        for (String[] r : new String[][] {{"Q1.1", "duckdb", "20", "25"}, {"Q1.1", "haechi-ssb_b", "2", "4"},
            {"Q1.2", "duckdb", "10", "12"}, {"Q1.2", "haechi-ssb_b", "5", "30"}}) {
            parts.add(jmh(Report.SSB, "\"query\": \"" + r[0] + "\", \"target\": \"" + r[1] + "\"",
                    Double.parseDouble(r[2]), Double.parseDouble(r[3]), "ms/op"));
        }
        return JmhResults.parse(new ObjectMapper().readTree("[" + String.join(",", parts) + "]"));
    }

    @Test
    void jmhResultsGiveMillisecondPercentilesAndSampleCounts() throws Exception {
        List<Sample> s = JmhResults.parse(new ObjectMapper().readTree("[" + jmh("b.run", "\"q\": \"x\"", 1500,
                3000, "us/op") + "]"));
        assertThat(s).hasSize(1);
        assertThat(s.get(0).p50()).isEqualTo(1.5);
        assertThat(s.get(0).p99()).isEqualTo(3.0);
        assertThat(s.get(0).samples()).isEqualTo(42);
        assertThat(s.get(0).param("q")).isEqualTo("x");
        assertThatThrownBy(() -> s.get(0).param("nope")).hasMessageContaining("no parameter nope");
        assertThatThrownBy(() -> JmhResults.parse(new ObjectMapper().readTree(
                "[{\"benchmark\": \"t\", \"primaryMetric\": {\"score\": 1, \"scoreUnit\": \"ops/s\"}}]")))
                .hasMessageContaining("unexpected JMH unit");
    }

    @Test
    void latencyTableSumsAndRatios() throws Exception {
        LatencyTable t = new LatencyTable(ssbSamples(), "query", "target", List.of("Q1.1", "Q1.2", "Q1.3"),
                List.of("duckdb", "haechi-ssb_b", "haechi-ssb_a"), "duckdb");
        assertThat(t.targets()).containsExactly("duckdb", "haechi-ssb_b");
        assertThat(t.rows()).extracting(LatencyTable.Row::query).containsExactly("Q1.1", "Q1.2");
        assertThat(t.sumP50("duckdb")).isEqualTo(30.0);
        assertThat(t.sumP50("haechi-ssb_b")).isEqualTo(7.0);
        assertThat(t.sumRatio("haechi-ssb_b")).hasValueSatisfying(r -> assertThat(r).isEqualTo(30.0 / 7));
        assertThat(t.maxP50("haechi-ssb_b")).isEqualTo(5.0);
        String md = t.markdown(Report.NAMES);
        assertThat(md).contains("| query | DuckDB p50 | DuckDB p99 | Haechi B p50 | Haechi B p99 | ratio Haechi B |")
                .contains("| Q1.1 | 20.0 | 25.0 | 2.00 | 4.00 | 10.00× |")
                .contains("| Q1.2 | 10.0 | 12.0 | 5.00 | 30.0 | 2.00× |")
                .contains("| **Σ** | **30.0** | 37.0 | **7.00** | 34.0 | **4.29×** |");
    }

    @Test
    void chartIsWellFormedSvgWithOneBarPerValueScaledToTheAxis() throws Exception {
        String svg = SvgBarChart.render("t <&>", List.of("Q1.1", "Q1.2"), List.of("DuckDB", "Haechi"),
                new double[][] {{20, 10}, {2, Double.NaN}}, new double[][] {{25, 12}, {4, Double.NaN}});
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(
                svg.getBytes(StandardCharsets.UTF_8)));
        NodeList rects = doc.getElementsByTagName("rect");
        List<Element> bars = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element e = (Element) rects.item(i);
            if ("bar".equals(e.getAttribute("class"))) {
                bars.add(e);
            }
        }
        assertThat(bars).hasSize(3);
        double h20 = Double.parseDouble(bars.get(0).getAttribute("height"));
        double h2 = Double.parseDouble(bars.get(1).getAttribute("height"));
        assertThat(h20 / h2).isCloseTo(10.0, org.assertj.core.data.Offset.offset(0.05));
        // the axis reaches the largest p99 (25) with round ticks of 5
        int plot = SvgBarChart.HEIGHT - SvgBarChart.TOP - SvgBarChart.BOTTOM;
        assertThat(h20).isCloseTo(20.0 / 25 * plot, org.assertj.core.data.Offset.offset(0.1));
        assertThat(svg).contains("t &lt;&amp;&gt;").contains("class=\"p99\"");
        assertThat(SvgBarChart.tickStep(25)).isEqualTo(5.0);
        assertThat(SvgBarChart.tickStep(0.7)).isEqualTo(0.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(SvgBarChart.tickStep(1300)).isEqualTo(500.0);
    }

    @Test
    void reportFromARunDirectory() throws Exception {
        Path run = tmp.resolve("run");
        Files.createDirectories(run);
        Files.writeString(run.resolve("run.json"), "{\"name\": \"x\", \"sf\": \"1\", \"quick\": true, "
                + "\"ads_scale\": \"0.1\", \"ads_days\": 7, \"git\": \"abc\", \"started\": \"now\", "
                + "\"duckdb_memory_limit\": \"8GB\", \"duckdb_threads\": 2}");
        List<String> parts = new ArrayList<>();
        for (Sample s : ssbSamples()) {
            parts.add(jmh(s.benchmark(), "\"query\": \"" + s.param("query") + "\", \"target\": \""
                    + s.param("target") + "\"", s.p50(), s.p99(), "ms/op"));
        }
        Files.writeString(run.resolve("jmh.json"), "[" + String.join(",", parts) + "]");
        Files.writeString(run.resolve("client.json"), """
                {"cold_start": {"launch_to_first_answer_ms": 12345.0, "query": "Q1.1 on ssb_b", "load_average": 1.5},
                 "verification": [{"target": "haechi-ssb_b", "query": "Q1.1", "sets": 8, "equal": 8, "rows": 8,
                                   "first_difference": null},
                                  {"target": "haechi-ssb_b", "query": "Q1.2", "sets": 8, "equal": 7, "rows": 8,
                                   "first_difference": "set 3: differs"}],
                 "concurrency": {"shapes": 19, "mix": "m", "levels": [
                   {"threads": 1, "qps": 400.0, "p50_ms": 2.0, "p90_ms": 3.0, "p99_ms": 5.0, "max_ms": 9.0,
                    "queries": 4000, "errors": 0, "errors_by_sqlstate": {}, "first_error": null,
                    "load_average": {"min": 1, "mean": 1.2, "max": 2, "samples": 3}},
                   {"threads": 8, "qps": 1200.0, "p50_ms": 6.0, "p90_ms": 20.0, "p99_ms": 45.0, "max_ms": 90.0,
                    "queries": 12000, "errors": 0, "errors_by_sqlstate": {}, "first_error": null,
                    "load_average": {"min": 1, "mean": 3.0, "max": 4, "samples": 3}}]},
                 "jmh_load_average": {"min": 1, "mean": 2, "max": 3, "samples": 10},
                 "load_average": {"min": 1, "mean": 2, "max": 3, "samples": 10}}
                """);
        Files.writeString(run.resolve("build-ssb_b.json"), """
                {"project": "ssb_b", "title": "SSB design B", "reused": false, "built_at": "t", "wall_s": 40.0,
                 "steps_s": {"read": 15.0, "cuboids": 22.0, "load": 3.0}, "source_rows_per_s": 150000.0,
                 "cuboids": 13, "cuboid_rows": 14800000, "cuboid_rows_per_s": 370000.0,
                 "peak_heap_bytes": 1800000000, "bytes_stored": 465000000,
                 "load_average": {"min": 1, "mean": 2, "max": 3, "samples": 4}}
                """);
        Files.writeString(run.resolve("grouping-sets-ssb_b.json"), """
                {"project": "ssb_b", "seconds": 5.0, "rows": 14800000, "peak_rss_bytes": 3000000000,
                 "load_average": {"min": 1, "mean": 2, "max": 3, "samples": 1}}
                """);
        Path results = tmp.resolve("results");
        Report.main(new String[] {"--run", run.toString(), "--results", results.toString(), "--name", "x"});
        String md = Files.readString(results.resolve("x.md"));
        assertThat(md).contains("| every SSB query p50 ≤ 10 ms over JDBC (Haechi B) | slowest p50 5.00 ms | **yes** |")
                .contains("| Σ of the 13 ≥ 10× faster than DuckDB (Haechi B) | Σ 7.00 ms vs DuckDB 30.0 ms: 4.29× | no |")
                .contains("| SSB design B built end to end in ≤ 10 s | 40.0 s | no |")
                .contains("| ≥ 1,000 QPS mixed with p99 ≤ 50 ms | best 1,200 QPS at 8 threads (p99 45.0 ms) | **yes** |")
                .contains("![SSB latency per query](x-ssb.svg)")
                .contains("**15 of 16** results were equal")
                .contains("- haechi-ssb_b Q1.2: set 3: differs")
                .contains("| SSB design B | read 15.0, cuboids 22.0, load 3.0 | 40.0 s | 150,000 | 13 | 14,800,000 |")
                .contains("5.0 s (14,800,000 rows) | 3.00 GB | 0.13× |")
                .contains("| 8 | 1,200 | 6.00 | 20.0 | 45.0 | 90.0 | 12,000 | 0 | 3.0 |")
                .contains("**12.3 s**")
                .contains("benchmarks/run.sh --quick");
        assertThat(results.resolve("x-ssb.svg")).exists();
        assertThat(results.resolve("x-jmh.json")).exists();
        assertThat(Map.of()).isEmpty();
    }
}
