package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
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
 * The ad analyst script tests: ads scale 0.05 over seven days, built as two segments (so answers merge segments,
 * exact COUNT(DISTINCT user_id) included) into the in-process HBase, checked against DuckDB.
 */
class AdsSqlTest {
    private static final String PROJECT = "ads";

    @TempDir
    static Path tmp;

    static HaechiContext ctx;
    static Connection duck;
    static Connection haechi;

    @BeforeAll
    @Timeout(value = 240, unit = TimeUnit.SECONDS)
    static void build() throws Exception {
        LocalDate from = AdsOptions.DEFAULT_START;
        duck = E2e.ads(tmp, 0.05, 7);
        ctx = E2e.context(tmp.resolve("haechi"), Map.of());
        E2e.apply(ctx.catalog(), PROJECT, tmp.resolve("data"), "ads/tables.json", "ads/model.json", "ads/cube.json");
        String cube = ctx.catalog().cubes(PROJECT).get(0).value().name();
        BuildService builds = ctx.builds(new JobListener() {
        });
        builds.run(builds.start(PROJECT, cube, from, from.plusDays(4)), new JobListener() {
        });
        haechi = ctx.engine().connect(PROJECT, new Properties());
        // The first segment alone answers for its four days; the result is cached until a segment changes.
        firstSegmentTotal = total();
        assertThat(total()).isEqualTo(firstSegmentTotal);
        builds.run(builds.start(PROJECT, cube, from.plusDays(4), from.plusDays(7)), new JobListener() {
        });
        ctx.engine().refresh(PROJECT);
    }

    static String firstSegmentTotal;

    private static String total() throws Exception {
        try (Statement st = haechi.createStatement();
                ResultSet rs = st.executeQuery("select count(*), sum(impressions), count(distinct user_id) "
                        + "from ad_event")) {
            return String.join(" | ", Rows.read(rs));
        }
    }

    private static String duckTotal(String where) throws Exception {
        try (Statement st = duck.createStatement();
                ResultSet rs = st.executeQuery("select count(*), sum(impressions), count(distinct user_id) "
                        + "from ad_event where " + where)) {
            return String.join(" | ", Rows.read(rs));
        }
    }

    @Test
    void aNewSegmentChangesTheCachedAnswer() throws Exception {
        LocalDate from = AdsOptions.DEFAULT_START;
        assertThat(firstSegmentTotal).isEqualTo(duckTotal("event_date < date '" + from.plusDays(4) + "'"));
        assertThat(total()).isEqualTo(duckTotal("true")).isNotEqualTo(firstSegmentTotal);
    }

    @AfterAll
    static void close() throws Exception {
        E2e.closeAll(haechi, duck, ctx);
    }

    @TestFactory
    Stream<DynamicTest> analystQueries() throws Exception {
        return new ScriptRunner(haechi, duck).tests("/sql/ads.sql");
    }
}
