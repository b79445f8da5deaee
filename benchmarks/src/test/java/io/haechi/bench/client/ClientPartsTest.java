package io.haechi.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClientPartsTest {
    @Test
    void jsonWriterOutputParses() throws Exception {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "a \"quoted\"\nline\t\u0001");
        m.put("n", 3);
        m.put("x", 1.5);
        m.put("nan", Double.NaN);
        m.put("list", List.of(1, "two", Map.of()));
        m.put("empty", List.of());
        m.put("none", null);
        JsonNode back = new ObjectMapper().readTree(Json.write(m));
        assertThat(back.path("name").asText()).isEqualTo("a \"quoted\"\nline\t\u0001");
        assertThat(back.path("n").asInt()).isEqualTo(3);
        assertThat(back.path("x").asDouble()).isEqualTo(1.5);
        assertThat(back.path("nan").isNull()).isTrue();
        assertThat(back.path("list").get(1).asText()).isEqualTo("two");
        assertThat(back.path("empty").isArray()).isTrue();
        assertThat(back.path("none").isNull()).isTrue();
    }

    @Test
    void percentileIsNearestRank() {
        long[] ns = new long[100];
        for (int i = 0; i < 100; i++) {
            ns[i] = (i + 1) * 1_000_000L;
        }
        assertThat(LoadTest.percentile(ns, 50)).isEqualTo(50.0);
        assertThat(LoadTest.percentile(ns, 99)).isEqualTo(99.0);
        assertThat(LoadTest.percentile(ns, 100)).isEqualTo(100.0);
        assertThat(LoadTest.percentile(new long[] {7_000_000L}, 99)).isEqualTo(7.0);
        assertThat(LoadTest.percentile(new long[0], 50)).isZero();
    }

    @Test
    void adPoolsRoundTripThroughTheSystemProperty() {
        AdsPools p = new AdsPools(List.of(66, 33, 196), List.of(595), LocalDate.of(2024, 1, 1), 28, 10_000);
        assertThat(AdsPools.decode(p.encode())).isEqualTo(p);
    }

    @Test
    void renderingComparesNumbersByValue() {
        assertThat(Engines.render(new java.math.BigDecimal("12.500"))).isEqualTo(Engines.render(12.5));
        assertThat(Engines.render(java.math.BigInteger.valueOf(21804890704189L))).isEqualTo(Engines.render(
                21804890704189L));
        assertThat(Engines.render(java.sql.Date.valueOf("2024-01-03"))).isEqualTo("2024-01-03");
        assertThat(Engines.render(null)).isEqualTo("NULL");
    }

    @Test
    void argsTakeValuesAndFlags() {
        assertThat(Args.parse(new String[] {"--out", "x", "--quick", "--sf", "1"})).containsEntry("out", "x")
                .containsEntry("quick", "true").containsEntry("sf", "1");
    }
}
