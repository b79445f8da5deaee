package io.haechi.builder.segment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.RejectThreshold;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.source.DateInterval;
import io.haechi.builder.source.CsvOptions;
import io.haechi.builder.source.SourceFileSystems;
import io.haechi.builder.source.SourceReaders;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CSV fact table with planted bad lines, unknown foreign keys on an INNER join, rows outside the build range and
 * rows the model filter drops; NULL dimensions and NULL measure arguments; DECIMAL, DOUBLE, string MIN, date MAX,
 * COUNT(col) and 64-bit COUNT(DISTINCT). The report counts exactly the planted rows, threshold 0 fails before anything
 * is written, and a tolerant build equals DuckDB over the clean rows.
 */
class BadInputSegmentBuildTest {
    private static final LocalDate FROM = LocalDate.of(2024, 1, 1);
    private static final LocalDate TO = LocalDate.of(2024, 1, 8);

    @TempDir
    Path dir;

    private Path clean;
    private ModelDesc model;
    private ValidatedCube cube;
    private List<TableDesc> tables;
    private final List<Long> wrongTypeLines = new ArrayList<>();
    private final List<Long> wrongCountLines = new ArrayList<>();
    private final List<Long> unknownKeyLines = new ArrayList<>();
    private int outsideRange;
    private int voided;

    @BeforeEach
    void plant() throws Exception {
        Random random = new Random(11);
        StringBuilder shops = new StringBuilder("shop_id,city,region\n");
        for (int s = 1; s <= 10; s++) {
            shops.append(s).append(",city").append(s % 6).append(',').append(s % 4 == 0 ? "\\N" : "r" + s % 3)
                    .append('\n');
        }
        StringBuilder sales = new StringBuilder(
                "sale_date,shop_id,product,qty,price,weight,customer,status\n");
        StringBuilder good = new StringBuilder(sales);
        long line = 1;
        for (int i = 0; i < 3000; i++) {
            line++;
            int kind = random.nextInt(100);
            if (kind < 2) {
                sales.append("2024-01-02,1,p1,abc,1.00,0.5,1,ok\n");
                wrongTypeLines.add(line);
                continue;
            }
            if (kind < 3) {
                sales.append("2024-01-02,1,p1\n");
                wrongCountLines.add(line);
                continue;
            }
            LocalDate day = FROM.plusDays(random.nextInt(9) - 1);
            boolean inRange = !day.isBefore(FROM) && day.isBefore(TO);
            int shop = kind < 6 ? 99 : 1 + random.nextInt(10);
            String product = random.nextInt(15) == 0 ? "\\N" : "p" + random.nextInt(7);
            String qty = random.nextInt(10) == 0 ? "\\N" : String.valueOf(random.nextInt(20) - 3);
            String price = random.nextInt(100) + "." + String.format("%02d", random.nextInt(100));
            String weight = String.valueOf(random.nextInt(64) / 4.0);
            long customer = random.nextInt(3) == 0 ? random.nextLong() : random.nextInt(200);
            String status = random.nextInt(12) == 0 ? "void" : "ok";
            String row = day + "," + shop + "," + product + "," + qty + "," + price + "," + weight + "," + customer
                    + "," + status + "\n";
            sales.append(row);
            if (!inRange) {
                outsideRange++;
                continue;
            }
            if (shop == 99) {
                unknownKeyLines.add(line);
                continue;
            }
            if (status.equals("void")) {
                voided++;
            }
            good.append(row);
        }
        Path shopFile = Files.writeString(dir.resolve("shop.csv"), shops);
        Path saleFile = Files.writeString(dir.resolve("sale.csv"), sales);
        clean = Files.writeString(dir.resolve("clean.csv"), good);
        tables = List.of(
                JsonDescriptors.readTable("""
                        {"kind": "table", "schemaVersion": 1, "name": "shop", "location": "%s", "format": "csv",
                         "columns": [{"name": "shop_id", "type": "INT", "nullable": false},
                                     {"name": "city", "type": "VARCHAR"}, {"name": "region", "type": "VARCHAR"}]}
                        """.formatted(shopFile), "shop"),
                JsonDescriptors.readTable("""
                        {"kind": "table", "schemaVersion": 1, "name": "sale", "location": "%s", "format": "csv",
                         "columns": [{"name": "sale_date", "type": "DATE", "nullable": false},
                                     {"name": "shop_id", "type": "INT", "nullable": false},
                                     {"name": "product", "type": "VARCHAR"}, {"name": "qty", "type": "INT"},
                                     {"name": "price", "type": "DECIMAL(10,2)"}, {"name": "weight", "type": "DOUBLE"},
                                     {"name": "customer", "type": "BIGINT"}, {"name": "status", "type": "VARCHAR"}]}
                        """.formatted(saleFile), "sale"));
        model = JsonDescriptors.readModel("""
                {"kind": "model", "schemaVersion": 1, "name": "shops", "factTable": "sale",
                 "lookups": [{"table": "shop", "alias": "shop", "joinType": "INNER", "joinFrom": "sale",
                              "foreignKey": ["shop_id"], "primaryKey": ["shop_id"]}],
                 "partition": {"column": "sale_date"},
                 "filter": "status <> 'void'",
                 "computedColumns": [{"name": "heavy", "expression": "weight * 2"}]}
                """, "model");
        CubeDesc cubeDesc = JsonDescriptors.readCube("""
                {"kind": "cube", "schemaVersion": 1, "name": "sales", "model": "shops",
                 "dimensions": [{"name": "sale_date", "table": "sale", "column": "sale_date", "encoding": "date"},
                                {"name": "region", "table": "shop", "column": "region"},
                                {"name": "city", "table": "shop", "column": "city"},
                                {"name": "product", "table": "sale", "column": "product"}],
                 "measures": [{"name": "n", "function": "COUNT"},
                              {"name": "n_qty", "function": "COUNT", "argument": "qty"},
                              {"name": "qty", "function": "SUM", "argument": "qty"},
                              {"name": "price", "function": "SUM", "argument": "price"},
                              {"name": "heavy", "function": "SUM", "argument": "heavy"},
                              {"name": "min_product", "function": "MIN", "argument": "product"},
                              {"name": "max_date", "function": "MAX", "argument": "sale_date"},
                              {"name": "min_qty", "function": "MIN", "argument": "qty"},
                              {"name": "customers", "function": "COUNT_DISTINCT", "argument": "customer"}],
                 "aggregationGroups": [{"includes": ["sale_date", "region", "city", "product"]}]}
                """, "cube");
        cube = SegmentFixture.validate(cubeDesc, model, tables);
    }

    private SegmentBuildJob job(InMemoryCubeStore store, RejectThreshold threshold) {
        SegmentBuildSpec spec = new SegmentBuildSpec(cube, SegmentFixture.byName(tables), new DateInterval(FROM, TO),
                "sales_w1");
        SourceReaders readers = new SourceReaders(SourceFileSystems.local(), CsvOptions.DEFAULT.withNullText("\\N"));
        return new SegmentBuildJob(spec, store, readers,
                SegmentBuildConfig.defaults().withThreads(2).withRejectThreshold(threshold));
    }

    @Test
    void thresholdZeroFailsBeforeAnythingIsWritten() {
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        assertThatThrownBy(() -> SegmentFixture.build(job(store, RejectThreshold.NONE), dir.resolve("jobs"), "strict"))
                .isInstanceOfSatisfying(HaechiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.REJECTED_ROWS_OVER_THRESHOLD);
                    assertThat(e.getMessage()).contains("unknown foreign key", "sale.csv");
                });
        assertThat(store.segmentExists("sales_w1")).isFalse();
        assertThat(store.segmentIds()).isEmpty();
    }

    @Test
    void reportCountsThePlantedRowsAndTheCubeEqualsDuckDbOverTheCleanRows() throws Exception {
        assertThat(wrongTypeLines).isNotEmpty();
        assertThat(wrongCountLines).isNotEmpty();
        assertThat(unknownKeyLines).isNotEmpty();
        InMemoryCubeStore store = new InMemoryCubeStore(true);
        SegmentBuildResult result = SegmentFixture.build(job(store, RejectThreshold.unlimited()), dir.resolve("jobs"),
                "tolerant");
        BuildReport report = result.report();
        assertThat(report.rejects().rowsRead()).isEqualTo(3000);
        assertThat(report.rejects().rejectedRows(RejectReason.WRONG_TYPE)).isEqualTo(wrongTypeLines.size());
        assertThat(report.rejects().rejectedRows(RejectReason.WRONG_COLUMN_COUNT)).isEqualTo(wrongCountLines.size());
        assertThat(report.rejects().rejectedRows(RejectReason.UNKNOWN_FOREIGN_KEY)).isEqualTo(unknownKeyLines.size());
        assertThat(report.rejects().rejectedRows()).isEqualTo(
                wrongTypeLines.size() + wrongCountLines.size() + unknownKeyLines.size());
        assertThat(report.modelFiltered()).isEqualTo(voided);
        assertThat(report.rejects().rowsFiltered()).isEqualTo(outsideRange + voided);
        assertThat(report.rejects().samples(RejectReason.UNKNOWN_FOREIGN_KEY)).extracting(r -> r.origin().number())
                .isSubsetOf(unknownKeyLines).isNotEmpty();
        assertThat(report.rejects().samples(RejectReason.WRONG_TYPE)).extracting(Rejection::column)
                .containsOnly("qty");
        assertThat(report.toText()).contains("unknown foreign key", "line " + unknownKeyLines.get(0));

        Map<Long, Map<String, String>> stored = SegmentFixture.decode(store, cube, result);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement st = duck.createStatement()) {
            st.execute("create table shop as select * from read_csv('" + dir.resolve("shop.csv")
                    + "', header=true, nullstr='\\N', columns={'shop_id':'INT','city':'VARCHAR','region':'VARCHAR'})");
            st.execute("create table sale as select *, weight * 2 as heavy from read_csv('" + clean
                    + "', header=true, nullstr='\\N', columns={'sale_date':'DATE','shop_id':'INT',"
                    + "'product':'VARCHAR','qty':'INT',"
                    + "'price':'DECIMAL(10,2)','weight':'DOUBLE','customer':'BIGINT','status':'VARCHAR'})");
            for (long cuboid : cube.cuboids().ids()) {
                Map<String, String> expected = SegmentFixture.groupBy(duck, cube, model, cuboid,
                        "status <> 'void'");
                assertThat(stored.get(cuboid)).as("cuboid %s", cube.layout().dimensionsOf(cuboid))
                        .containsExactlyInAnyOrderEntriesOf(expected);
            }
        }
    }
}
