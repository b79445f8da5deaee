package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.cube.MeasureFunction;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ad cube (scale 0.01, two generated days) built by {@link BuildService} into the in-process HBase; a spread of
 * cuboids plus the base cuboid, scanned back through the storage SPI and decoded, equal DuckDB, exact
 * COUNT(DISTINCT user_id) included.
 */
class AdsOnHBaseTest {
    private static final String PROJECT = "e2e_ads";

    @TempDir
    Path tmp;

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void cuboidsScannedFromHBaseEqualDuckDbIncludingExactReach() throws Exception {
        LocalDate from = AdsOptions.DEFAULT_START;
        LocalDate to = from.plusDays(2);
        try (Connection duck = E2e.ads(tmp, 0.01, 2);
                HaechiContext ctx = E2e.context(tmp.resolve("haechi"), Map.of())) {
            E2e.apply(ctx.catalog(), PROJECT, tmp.resolve("data"), "ads/tables.json", "ads/model.json",
                    "ads/cube.json");
            String cubeName = ctx.catalog().cubes(PROJECT).get(0).value().name();
            BuildService builds = ctx.builds(new JobListener() {
            });
            long start = System.nanoTime();
            BuildOutcome outcome = builds.run(builds.start(PROJECT, cubeName, from, to), new JobListener() {
            });
            System.out.printf("ads scale 0.01, 2 days, on in-process HBase: %d ms%n%s%n",
                    (System.nanoTime() - start) / 1_000_000, outcome.report().toText().lines()
                            .filter(l -> !l.contains("cuboid ")).reduce("", (a, b) -> a + b + "\n"));
            assertThat(outcome.segment().status()).isEqualTo(SegmentStatus.READY);
            E2e.Segment segment = E2e.segment(ctx.catalog(), PROJECT, outcome.segment(), tmp);
            ValidatedCube cube = segment.cube();
            assertThat(cube.cube().measures()).anySatisfy(m -> {
                assertThat(m.function()).isEqualTo(MeasureFunction.COUNT_DISTINCT);
                assertThat(m.argument().orElseThrow().toString()).isEqualTo("user_id");
            });

            String where = "ad_event.event_date >= DATE '" + from + "' and ad_event.event_date < DATE '" + to + "'";
            assertThat(outcome.report().factRows()).isEqualTo(E2e.count(duck, "select count(*) from ad_event where "
                    + where)).isPositive();
            assertThat(outcome.report().rejects().rejectedRows()).isZero();

            long[] ids = cube.cuboids().ids();
            int step = Math.max(1, ids.length / 8);
            int compared = 0;
            for (int i = 0; i < ids.length; i += step) {
                compareWithDuckDb(ctx, segment, duck, ids[i], where);
                compared++;
            }
            compareWithDuckDb(ctx, segment, duck, cube.cuboids().baseCuboid(), where);
            assertThat(compared).isGreaterThanOrEqualTo(Math.min(ids.length, 8));

            // Reach rolled up through the scan: the base cuboid to no dimension at all is the exact distinct users.
            Map<String, String> total = E2e.scan(ctx.cubeStore(), segment, cube.cuboids().baseCuboid(), 0L,
                    Map.of());
            assertThat(total).containsExactlyInAnyOrderEntriesOf(E2e.groupBy(duck, cube, cube.schema().model(), 0L,
                    where));
        }
    }

    private static void compareWithDuckDb(HaechiContext ctx, E2e.Segment segment, Connection duck, long cuboid,
            String where) throws Exception {
        ValidatedCube cube = segment.cube();
        Map<String, String> expected = E2e.groupBy(duck, cube, cube.schema().model(), cuboid, where);
        assertThat(E2e.scan(ctx.cubeStore(), segment, cuboid)).as("cuboid %s", cube.layout().dimensionsOf(cuboid))
                .hasSameSizeAs(expected).containsExactlyInAnyOrderEntriesOf(expected);
        assertThat(segment.desc().rowsPerCuboid().get(cuboid)).isEqualTo(expected.size());
    }
}
