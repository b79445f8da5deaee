package io.haechi.server.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobState;
import io.haechi.builder.service.BuildOutcome;
import io.haechi.builder.service.BuildService;
import io.haechi.model.catalog.SegmentStatus;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.server.runtime.HaechiContext;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSB SF 0.01 built by {@link BuildService} into the in-process HBase (design B, one segment over all dates), read
 * back cuboid by cuboid through {@code CubeStore.scan}, decoded with the segment's stored dictionaries and compared
 * with DuckDB's GROUP BY over the same generated rows (CSV from the same deterministic generator).
 */
class SsbOnHBaseTest {
    private static final String PROJECT = "e2e_ssb";
    private static final String CUBE = "ssb_per_query";

    @TempDir
    static Path tmp;

    static HaechiContext ctx;
    static Connection duck;
    static E2e.Segment segment;
    static BuildOutcome outcome;

    @BeforeAll
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    static void buildOnce() throws Exception {
        duck = E2e.ssb(tmp, 0.01);

        ctx = E2e.context(tmp.resolve("haechi"), Map.of());
        E2e.apply(ctx.catalog(), PROJECT, tmp.resolve("data"), "ssb/tables.json", "ssb/model.json",
                "ssb/cube-per-query.json");
        BuildService builds = ctx.builds(new JobListener() {
        });
        long start = System.nanoTime();
        String jobId = builds.start(PROJECT, CUBE, LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1));
        outcome = builds.run(jobId, new JobListener() {
        });
        System.out.printf("SSB SF 0.01 design B on in-process HBase: %d ms%n%s%n",
                (System.nanoTime() - start) / 1_000_000, outcome.report().toText());
        segment = E2e.segment(ctx.catalog(), PROJECT, outcome.segment(), tmp);
    }

    @AfterAll
    static void close() throws Exception {
        if (duck != null) {
            duck.close();
        }
        if (ctx != null) {
            ctx.close();
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyCuboidScannedFromHBaseEqualsDuckDb() throws Exception {
        ValidatedCube cube = segment.cube();
        var model = cube.schema().model();
        assertThat(outcome.job().state()).isEqualTo(JobState.DONE);
        assertThat(outcome.segment().status()).isEqualTo(SegmentStatus.READY);
        assertThat(ctx.catalog().readySegments(PROJECT, CUBE, LocalDate.of(1992, 1, 1), LocalDate.of(1999, 1, 1)))
                .extracting(s -> s.storageId()).containsExactly(outcome.segment().storageId());
        assertThat(ctx.cubeStore().segmentExists(outcome.segment().storageId())).isTrue();
        assertThat(outcome.segment().rowsPerCuboid().keySet())
                .containsExactlyInAnyOrderElementsOf(cube.cuboids().stream().boxed().toList());
        long lineorders = E2e.count(duck, "select count(*) from lineorder");
        assertThat(outcome.report().factRows()).isEqualTo(lineorders).isPositive();
        assertThat(outcome.segment().sourceRows()).isEqualTo(lineorders);
        assertThat(cube.cube().measures()).extracting(m -> E2e.measureSql(m))
                .contains("sum(lo_extendedprice * lo_discount)");

        for (long cuboid : cube.cuboids().ids()) {
            Map<String, String> expected = E2e.groupBy(duck, cube, model, cuboid, "true");
            Map<String, String> scanned = E2e.scan(ctx.cubeStore(), segment, cuboid);
            assertThat(scanned).as("cuboid %s %s", cuboid, cube.layout().dimensionsOf(cuboid))
                    .hasSameSizeAs(expected).containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(outcome.segment().rowsPerCuboid().get(cuboid)).isEqualTo(expected.size());
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void rollupWithResidualFilterEqualsDuckDb() throws Exception {
        ValidatedCube cube = segment.cube();
        int cRegion = segment.position("c_region");
        int sRegion = segment.position("s_region");
        long cuboid = cube.cuboids().stream().filter(c -> cube.layout().dimensionsOf(c).size() == 5
                && cube.layout().dimensionsOf(c).containsAll(List.of("c_nation", "s_nation", "d_year", "c_region",
                "s_region"))).findFirst().orElseThrow();
        long groupBy = cube.layout().mask(List.of("d_year", "c_region"));
        assertThat(groupBy & ~cuboid).isZero();
        assertThat(groupBy).isNotEqualTo(cuboid);

        // c_region IN ('ASIA', 'EUROPE') AND s_region = 'AMERICA': two ranges OR-ed on one dimension, one on another.
        DimensionEncoding cRegions = segment.dictionaries().encodings().get(cRegion);
        DimensionEncoding sRegions = segment.dictionaries().encodings().get(sRegion);
        Map<Integer, List<CodeRange>> residual = Map.of(
                cRegion, List.of(point(cRegions, "ASIA"), point(cRegions, "EUROPE")),
                sRegion, List.of(point(sRegions, "AMERICA")));
        Map<String, String> scanned = E2e.scan(ctx.cubeStore(), segment, cuboid, groupBy, residual);
        Map<String, String> expected = E2e.groupBy(duck, cube, cube.schema().model(), groupBy,
                "customer.c_region in ('ASIA', 'EUROPE') and supplier.s_region = 'AMERICA'");
        assertThat(expected).hasSize(2 * 7);
        assertThat(scanned).containsExactlyInAnyOrderEntriesOf(expected);

        // No filter, to the empty group-by: the grand total.
        Map<String, String> total = E2e.scan(ctx.cubeStore(), segment, cuboid, 0L, Map.of());
        assertThat(total).containsExactlyInAnyOrderEntriesOf(E2e.groupBy(duck, cube, cube.schema().model(), 0L,
                "true"));
    }

    private static CodeRange point(DimensionEncoding encoding, String value) {
        return CodeRange.range(encoding, value, true, value, true).orElseThrow();
    }
}
