package io.haechi.bench.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's JSON result file (sample-time mode: percentiles in {@code primaryMetric.scorePercentiles}). */
public final class JmhResults {
    private JmhResults() {
    }

    public static List<Sample> read(Path file) throws IOException {
        return parse(new ObjectMapper().readTree(file.toFile()));
    }

    public static List<Sample> parse(JsonNode root) {
        List<Sample> out = new ArrayList<>();
        for (JsonNode b : root) {
            Map<String, String> params = new LinkedHashMap<>();
            b.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            JsonNode m = b.path("primaryMetric");
            String unit = m.path("scoreUnit").asText("ms/op");
            double scale = switch (unit) {
                case "ms/op" -> 1;
                case "us/op" -> 1e-3;
                case "ns/op" -> 1e-6;
                case "s/op" -> 1e3;
                default -> throw new IllegalArgumentException("unexpected JMH unit " + unit);
            };
            JsonNode pct = m.path("scorePercentiles");
            if (pct.isMissingNode() || !pct.has("50.0")) {
                throw new IllegalArgumentException(b.path("benchmark").asText() + " has no percentiles: run it "
                        + "in sample-time mode");
            }
            long samples = 0;
            for (JsonNode histogram : m.path("rawDataHistogram")) {
                for (JsonNode iteration : histogram) {
                    for (JsonNode bin : iteration) {
                        samples += bin.path(1).asLong();
                    }
                }
            }
            out.add(new Sample(b.path("benchmark").asText(), params, pct.path("50.0").asDouble() * scale,
                    pct.path("99.0").asDouble() * scale, m.path("score").asDouble() * scale, samples));
        }
        return out;
    }
}
