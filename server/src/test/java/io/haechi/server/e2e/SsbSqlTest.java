package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildService;
import io.haechi.builder.source.SourceReaders;
import io.haechi.query.HaechiEngine;
import io.haechi.query.QuerySettings;
import io.haechi.query.rewrite.CubeRewriter;
import io.haechi.server.jdbc.DriverJarClient;
import io.haechi.server.jdbc.JdbcServer;
import io.haechi.server.query.EngineConnections;
import io.haechi.server.query.SourceRawTables;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SSB script tests: SF 0.1 built (design B) into the in-process HBase; every query of the scripts must be
 * served by a CubeScan of the expected cuboid (from EXPLAIN) and return DuckDB's rows over the same generated tables.
 */
class SsbSqlTest {
    private static final String PROJECT = "ssb";

    @TempDir
    static Path tmp;

    static HaechiContext ctx;
    static Connection duck;
    static Connection haechi;

    @BeforeAll
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    static void build() throws Exception {
        duck = E2e.ssb(tmp, 0.1);
        try (Statement st = duck.createStatement()) {
            // The model's computed column, as ssb-kylin's p_lineorder view adds it.
            st.execute("alter table lineorder add column v_revenue bigint");
            st.execute("update lineorder set v_revenue = lo_extendedprice * lo_discount");
        }
        ctx = E2e.context(tmp.resolve("haechi"), Map.of());
        E2e.apply(ctx.catalog(), PROJECT, tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                "ssb/cube-per-query.json");
        BuildService builds = ctx.builds(new JobListener() {
        });
        builds.run(builds.start(PROJECT, "ssb_per_query", LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1)),
                new JobListener() {
                });
        haechi = ctx.engine().connect(PROJECT, new Properties());
    }

    @AfterAll
    static void close() throws Exception {
        E2e.closeAll(haechi, duck, ctx);
    }

    @TestFactory
    Stream<DynamicTest> paperForm() throws Exception {
        return new ScriptRunner(haechi, duck).tests("/sql/ssb-paper.sql");
    }

    @TestFactory
    Stream<DynamicTest> kylinForm() throws Exception {
        return new ScriptRunner(haechi, duck).tests("/sql/ssb-kylin.sql");
    }

    @TestFactory
    Stream<DynamicTest> variations() throws Exception {
        return new ScriptRunner(haechi, duck).tests("/sql/ssb-variations.sql");
    }

    @TestFactory
    Stream<DynamicTest> missesNameTheirReason() throws Exception {
        return new ScriptRunner(haechi, duck).tests("/sql/ssb-misses.sql");
    }

    /**
     * Over JDBC from a separate JVM holding only the driver jar: the project's schema and tables, SSB Q2.1 fetched in
     * frames of 7 rows equal to DuckDB, a query no cube answers (QH001 with the reason), a syntax error (42601).
     */
    @Test
    void remoteClientOverTheDriverJar() throws Exception {
        String q21 = SqlScript.load("/sql/ssb-paper.sql").cases().stream().filter(k -> k.name().equals("Q2.1"))
                .findFirst().orElseThrow().sql();
        List<String> expected;
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(q21)) {
            expected = new ArrayList<>();
            while (rs.next()) {
                expected.add("0\t" + rs.getObject(1) + " | " + rs.getObject(2) + " | " + rs.getObject(3));
            }
        }
        try (JdbcServer server = new JdbcServer(new EngineConnections(ctx.engine()),
                new HaechiSettings(Map.of(HaechiSettings.JDBC_PORT, "0"))).start()) {
            // The comma joins are INNER on a LEFT model: fine, the build recorded no foreign key without its row.
            assertThat(new ScriptRunner(haechi, duck).explain(q21)).doesNotContain("assumes");
            DriverJarClient client = DriverJarClient.run("sql", "127.0.0.1", server.port(), PROJECT, q21,
                    "select lo_orderkey, sum(lo_revenue) from lineorder group by lo_orderkey",
                    "select d_year from dates where");
            assertThat(client.all("schemas")).containsExactly(PROJECT);
            assertThat(client.all("tables")).contains("lineorder", "dates", "customer", "supplier", "part");
            assertThat(client.all("row")).hasSameSizeAs(expected).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(client.all("error")).hasSize(2);
            assertThat(client.all("error").get(0)).startsWith("1\tQH001\t")
                    .contains("lineorder.lo_orderkey, which is not a dimension");
            assertThat(client.all("error").get(1)).startsWith("2\t42601\t");
        }
    }

    /**
     * Skip scan: Q3.4 filters the month and two cities of each side over {@code [d_yearmonth, d_year, c_city,
     * s_city]}; with the free d_year enumerated (its 7 values and NULL), the key ranges reach the cities instead of
     * stopping at the month, so the store reads the matching cities of each year rather than the whole month. The
     * answers stay DuckDB's, also for a month whose cities are absent and for the design's other queries.
     */
    @Test
    void skipScanNarrowsTheKeyRangesAndKeepsTheAnswers() throws Exception {
        List<io.haechi.model.spi.CuboidScanRequest> requests = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.haechi.model.spi.CubeStore store = ctx.cubeStore();
        io.haechi.model.spi.CubeStore recording = new io.haechi.model.spi.CubeStore() {
            @Override
            public io.haechi.model.spi.SegmentWriter createSegment(io.haechi.model.spi.SegmentLayout layout) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean segmentExists(String storageId) {
                return store.segmentExists(storageId);
            }

            @Override
            public void dropSegment(String storageId) {
                throw new UnsupportedOperationException();
            }

            @Override
            public ScanResult scan(io.haechi.model.spi.CuboidScanRequest request) {
                requests.add(request);
                return store.scan(request);
            }

            @Override
            public void close() {
            }
        };
        HaechiEngine engine = new HaechiEngine(ctx.catalog(), recording, new SourceRawTables(SourceReaders.defaults()),
                new QuerySettings(CubeRewriter.OnNoRealization.ERROR, Duration.ofSeconds(1), 10, 0));
        try (Connection c = engine.connect(PROJECT, new Properties())) {
            ScriptRunner runner = new ScriptRunner(c, duck);
            String q34 = SqlScript.load("/sql/ssb-paper.sql").cases().stream().filter(k -> k.name().equals("Q3.4"))
                    .findFirst().orElseThrow().sql();
            for (String month : List.of("Dec1997", "Jul1995", "Mar1992")) {
                requests.clear();
                String sql = q34.replace("'Dec1997'", "'" + month + "'")
                        .replace("'UNITED KI1'", "'UNITED ST1'").replace("'UNITED KI5'", "'UNITED ST2'");
                runner.compareWithDuckDb(sql, "Q3.4 " + month);
                assertThat(requests).as("one segment, one scan").hasSize(1);
                // 8 years (7 and NULL) x 2 customer cities x 2 supplier cities, each range exact up to s_city
                assertThat(requests.get(0).keyRanges()).hasSize(32);
            }
            for (var k : SqlScript.load("/sql/ssb-paper.sql").cases()) {
                runner.compareWithDuckDb(k.sql(), k.name());
            }
        }
    }

    /** With push-down, the same misses are answered from the raw source tables, equal to DuckDB, marked in EXPLAIN. */
    @TestFactory
    Stream<DynamicTest> missesWithPushdownEqualDuckDb() throws Exception {
        HaechiEngine pushdown = new HaechiEngine(ctx.catalog(), ctx.cubeStore(),
                new SourceRawTables(SourceReaders.defaults()),
                new QuerySettings(CubeRewriter.OnNoRealization.PUSHDOWN, Duration.ofSeconds(1)));
        Connection c = pushdown.connect(PROJECT, new Properties());
        ScriptRunner runner = new ScriptRunner(c, duck);
        return SqlScript.load("/sql/ssb-misses.sql").cases().stream()
                .filter(k -> !k.error().contains("joined in a way"))
                .map(k -> DynamicTest.dynamicTest(k.name(), () -> {
                    String plan = runner.explain(k.sql());
                    assertThat(plan).contains("PushdownScan(").contains("pushdown=[true]")
                            .doesNotContain("CubeScan(");
                    runner.compareWithDuckDb(k.sql(), k.name());
                }));
    }
}
