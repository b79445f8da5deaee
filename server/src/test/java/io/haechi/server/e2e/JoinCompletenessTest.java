package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildService;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A LEFT model whose fact table has foreign keys without a lookup row: the build records the misses with the segment,
 * a LEFT query is answered from the cube (the orphans under a NULL city), and an INNER query is refused with the
 * count, because the cube kept rows an INNER join drops.
 */
class JoinCompletenessTest {
    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void innerQueryOnALeftModelIsRefusedWhenForeignKeysMissTheirRows() throws Exception {
        StringBuilder sales = new StringBuilder("sale_date,shop_id,qty\n");
        for (int i = 0; i < 60; i++) {
            sales.append(LocalDate.of(2024, 1, 1 + i % 5)).append(',').append(i % 7 == 0 ? 99 : 1 + i % 3)
                    .append(',').append(i).append('\n');
        }
        Path saleFile = Files.writeString(tmp.resolve("sale.csv"), sales);
        Path shopFile = Files.writeString(tmp.resolve("shop.csv"), "shop_id,city\n1,Seoul\n2,Busan\n3,Incheon\n");
        String json = E2e.shopSales(shopFile, saleFile, "LEFT");
        try (HaechiContext ctx = E2e.context(tmp.resolve("haechi"), Map.of());
                Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            ctx.catalog().apply(ctx.catalog().plan("shops", JsonDescriptors.readAll(json, "shops.json")), false);
            BuildService builds = ctx.builds(new JobListener() {
            });
            var outcome = builds.run(builds.start("shops", "sales", LocalDate.of(2024, 1, 1),
                    LocalDate.of(2024, 1, 8)), new JobListener() {
                    });
            long orphans = sales.toString().lines().filter(l -> l.contains(",99,")).count();
            assertThat(outcome.segment().leftJoinMisses()).containsEntry("shop", orphans);
            assertThat(ctx.catalog().segments("shops", java.util.Optional.of("sales")).get(0).value()
                    .leftJoinMisses()).containsEntry("shop", orphans);
            try (Statement st = duck.createStatement()) {
                st.execute("create table sale as select * from read_csv('" + saleFile + "', header=true)");
                st.execute("create table shop as select * from read_csv('" + shopFile + "', header=true)");
            }
            try (Connection haechi = ctx.engine().connect("shops", new Properties())) {
                ScriptRunner runner = new ScriptRunner(haechi, duck);
                String left = "select city, count(*) n, sum(qty) q from sale left join shop "
                        + "on sale.shop_id = shop.shop_id group by city";
                assertThat(runner.explain(left)).contains("CubeScan(").doesNotContain("assumes");
                runner.compareWithDuckDb(left, "LEFT join");
                try (Statement st = haechi.createStatement(); ResultSet rs = st.executeQuery(left)) {
                    assertThat(Rows.read(rs)).contains("NULL | " + orphans + " | "
                            + sales.toString().lines().filter(l -> l.contains(",99,"))
                                    .mapToLong(l -> Long.parseLong(l.split(",")[2])).sum());
                }
                String inner = "select city, sum(qty) from sale join shop on sale.shop_id = shop.shop_id group by city";
                assertThatThrownBy(() -> {
                    try (Statement st = haechi.createStatement()) {
                        st.executeQuery(inner).close();
                    }
                }).satisfies(e -> assertThat(ScriptRunner.rootMessage(e)).contains("INNER join of shop, but "
                        + orphans + " fact rows of the built segments have no shop row"));
            }
        }
    }

}
