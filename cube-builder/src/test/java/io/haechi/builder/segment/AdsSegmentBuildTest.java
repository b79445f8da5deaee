package io.haechi.builder.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.SourceReaders;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ads.AdsTables;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ad cube over 3 generated days equals DuckDB for every cuboid, exact COUNT(DISTINCT user_id) included. */
class AdsSegmentBuildTest {
    @TempDir
    Path dir;

    @Test
    void everyCuboidEqualsDuckDbIncludingExactReach() throws Exception {
        AdsOptions avro = new AdsOptions(0.01, 3, AdsOptions.DEFAULT_START, dir.resolve("avro"), OutputFormat.AVRO)
                .withThreads(1);
        AdsGenerator.generate(avro, ProgressListener.NONE);
        AdsGenerator.generate(new AdsOptions(0.01, 3, AdsOptions.DEFAULT_START, dir.resolve("csv"),
                OutputFormat.CSV).withThreads(1), ProgressListener.NONE);
        List<TableDesc> tables = AdsTables.at(dir.resolve("avro"), OutputFormat.AVRO);
        ModelDesc model = SegmentFixture.model("ads/model.json");
        ValidatedCube cube = SegmentFixture.validate(SegmentFixture.cube("ads/cube.json"), model, tables);
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        // Two of the three days: partition pruning leaves the third day's directory unread.
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables),
                new DateInterval(AdsOptions.DEFAULT_START, AdsOptions.DEFAULT_START.plusDays(2)), "ads_d1_d2");
        SegmentBuildResult result = SegmentFixture.build(new SegmentBuildJob(spec, store, SourceReaders.defaults(),
                SegmentBuildConfig.defaults().withThreads(2).withMemoryBudgetBytes(8L << 20)), dir.resolve("jobs"),
                "ads");
        System.out.println(cube + "\n" + result.report().toText().lines().filter(l -> !l.contains("cuboid "))
                .collect(java.util.stream.Collectors.joining("\n")));
        Map<Long, Map<String, String>> stored = SegmentFixture.decode(store, cube, result);
        assertThat(stored.keySet()).containsExactlyInAnyOrderElementsOf(cube.cuboids().stream().boxed().toList());

        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            for (TableDesc t : AdsTables.at(dir.resolve("csv"), OutputFormat.CSV)) {
                String glob = Files.isDirectory(Path.of(t.location())) ? t.location() + "/**/*.csv" : t.location();
                st.execute("create table " + t.name() + " as select * from read_csv('" + glob
                        + "', header=true, hive_partitioning=false)");
            }
            String where = "ad_event.event_date >= DATE '2024-01-01' and ad_event.event_date < DATE '2024-01-03'";
            long[] ids = cube.cuboids().ids();
            int step = Math.max(1, ids.length / 20);
            int compared = 0;
            for (int i = 0; i < ids.length; i += step) {
                Map<String, String> expected = SegmentFixture.groupBy(duck, cube, model, ids[i], where);
                assertThat(stored.get(ids[i])).as("cuboid %s", cube.layout().dimensionsOf(ids[i]))
                        .containsExactlyInAnyOrderEntriesOf(expected);
                compared++;
            }
            long base = cube.cuboids().baseCuboid();
            assertThat(stored.get(base)).containsExactlyInAnyOrderEntriesOf(
                    SegmentFixture.groupBy(duck, cube, model, base, where));
            assertThat(compared).isGreaterThanOrEqualTo(Math.min(ids.length, 20));
            try (var rs = st.executeQuery("select count(*) from ad_event where " + where)) {
                rs.next();
                assertThat(result.report().factRows()).isEqualTo(rs.getLong(1)).isPositive();
            }
        }
        // Reach across the two days: one cuboid with event_date only holds exact per-day distinct users.
        assertThat(result.report().rejects().rejectedRows()).isZero();
    }
}
