package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
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
        SsbGenerator.generate(new SsbOptions(0.1, tmp.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        SsbGenerator.generate(new SsbOptions(0.1, tmp.resolve("csv"), OutputFormat.CSV).withThreads(1),
                ProgressListener.NONE);
        duck = DriverManager.getConnection("jdbc:duckdb:");
        E2e.loadCsv(duck, SsbTables.at(tmp.resolve("csv"), OutputFormat.CSV));
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
        for (AutoCloseable c : new AutoCloseable[] {haechi, duck, ctx}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> paperForm() throws Exception {
        return cases("/sql/ssb-paper.sql");
    }

    private Stream<DynamicTest> cases(String resource) throws Exception {
        SqlScript script = SqlScript.load(resource);
        assertThat(script.cases()).isNotEmpty();
        return script.cases().stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + resource + ":" + c.line()
                + ")", () -> run(c)));
    }

    private void run(SqlScript.Case c) throws Exception {
        String plan = explain(c.sql());
        assertThat(plan).as("plan of %s", c.name()).contains("CubeScan(").doesNotContain("TableScan");
        assertThat(cuboidOf(plan)).as("cuboid of %s in\n%s", c.name(), plan)
                .containsExactlyInAnyOrderElementsOf(c.cuboid());
        List<String> expected;
        try (Statement st = duck.createStatement(); ResultSet rs = st.executeQuery(c.sql())) {
            expected = Rows.read(rs);
        }
        List<String> actual;
        try (Statement st = haechi.createStatement(); ResultSet rs = st.executeQuery(c.sql())) {
            actual = Rows.read(rs);
        }
        assertThat(actual).as("rows of %s", c.name()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(expected).as("DuckDB rows of %s (a query that returns nothing tests little)", c.name())
                .isNotEmpty();
    }

    private String explain(String sql) throws Exception {
        try (Statement st = haechi.createStatement(); ResultSet rs = st.executeQuery("explain plan for " + sql)) {
            StringBuilder b = new StringBuilder();
            while (rs.next()) {
                b.append(rs.getString(1)).append('\n');
            }
            return b.toString();
        }
    }

    static List<String> cuboidOf(String plan) {
        Matcher m = Pattern.compile("cuboid=\\[\\[([^\\]]*)\\]\\]").matcher(plan);
        List<String> out = new ArrayList<>();
        if (m.find()) {
            for (String d : m.group(1).split(",")) {
                if (!d.isBlank()) {
                    out.add(d.strip());
                }
            }
        }
        return out;
    }
}
