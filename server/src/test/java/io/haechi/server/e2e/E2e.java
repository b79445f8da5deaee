package io.haechi.server.e2e;

import io.haechi.model.segment.SegmentDictionaries;
import io.haechi.builder.segment.MeasureAdapter;
import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.ads.AdsGenerator;
import io.haechi.datagen.ads.AdsOptions;
import io.haechi.datagen.ads.AdsTables;
import io.haechi.datagen.ssb.SsbGenerator;
import io.haechi.datagen.ssb.SsbOptions;
import io.haechi.datagen.ssb.SsbTables;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.MeasureDesc;
import io.haechi.model.json.Descriptor;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.ScanLayout;
import io.haechi.model.star.JoinType;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.Validator;
import io.haechi.query.exec.SegmentCodec;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.storage.hbase.HBaseCluster;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Shared pieces of the end-to-end tests: a context over the JVM's in-process HBase, applying the examples with their
 * table locations moved to a temp dir, scanning a segment back through the storage SPI and decoding it with the
 * segment's dictionaries, and DuckDB's GROUP BY of the same cuboid.
 */
final class E2e {
    private static final Path EXAMPLES = Path.of("..", "examples");

    private E2e() {
    }

    /** A context over the shared in-process HBase; closing it leaves that HBase running. */
    static HaechiContext context(Path dataDir, Map<String, String> extra) {
        Map<String, String> values = new HashMap<>(extra);
        values.put(HaechiSettings.DATA_DIR, dataDir.toString());
        return HaechiContext.of(new HaechiSettings(values), HBaseCluster.of(InProcessHBase.shared().connection()));
    }

    /** The example descriptor files, with the tables' relative {@code data/...} locations moved under {@code root}. */
    static String exampleJson(String file, Path root) throws IOException {
        String json = Files.readString(EXAMPLES.resolve(file));
        return json.replace("\"location\": \"data/", "\"location\": \"" + root.toAbsolutePath() + "/");
    }

    /** Applies the example files to {@code project} (tables relocated under {@code root}). */
    static void apply(Catalog catalog, String project, Path root, String... files) throws IOException {
        List<Descriptor> docs = new ArrayList<>();
        for (String f : files) {
            docs.addAll(JsonDescriptors.readAll(exampleJson(f, root), f));
        }
        catalog.apply(catalog.plan(project, docs), false);
    }

    static ValidatedCube validated(Catalog catalog, String project, String cubeName) {
        var cube = catalog.requireCube(project, cubeName).value();
        ModelDesc model = catalog.model(project, cube.model()).orElseThrow().value();
        List<TableDesc> tables = catalog.tables(project).stream().map(Versioned::value).toList();
        return new Validator().cube(cube, model, tables);
    }

    /** A READY segment as the store and a query see it: its cube, dictionaries and shard count. */
    record Segment(SegmentDesc desc, ValidatedCube cube, SegmentDictionaries dictionaries) {
        RowKeyCodec keys() {
            return new SegmentCodec(desc, cube, dictionaries).keys();
        }

        List<MeasureAdapter> measures() {
            return cube.measures().stream().map(MeasureAdapter::new).toList();
        }

        ScanLayout layout() {
            return new SegmentCodec(desc, cube, dictionaries).layout();
        }

        int position(String dimension) {
            return cube.layout().position(dimension);
        }
    }

    static Segment segment(Catalog catalog, String project, SegmentDesc desc, Path tmp) throws IOException {
        ValidatedCube cube = validated(catalog, project, desc.cube());
        Path file = Files.createTempFile(tmp, "dictionaries-", ".bin");
        Files.write(file, catalog.segmentDictionaries(project, desc));
        return new Segment(desc, cube, SegmentDictionaries.read(file, cube));
    }

    /**
     * Scans one cuboid of a segment through the storage SPI, rolled up to {@code groupBy}, all measures, and decodes
     * it: "v1|v2|..." (groupBy's dimensions in row-key order) -> "m1|m2|..." (measure results in declared order).
     */
    static Map<String, String> scan(CubeStore store, Segment segment, long cuboid, long groupBy,
            Map<Integer, List<CodeRange>> residual) {
        RowKeyCodec keys = segment.keys();
        List<MeasureAdapter> adapters = segment.measures();
        MeasureRowCodec cells = new MeasureRowCodec(adapters.stream().map(MeasureAdapter::type).toList());
        List<Integer> all = IntStream.range(0, adapters.size()).boxed().toList();
        CuboidScanRequest request = new CuboidScanRequest(segment.desc().storageId(), cuboid, List.of(), residual,
                groupBy, all, segment.layout());
        Map<String, String> out = new HashMap<>();
        try (CubeStore.ScanResult rows = store.scan(request)) {
            while (rows.hasNext()) {
                AggregateRow row = rows.next();
                if (keys.cuboid(row.key()) != groupBy) {
                    throw new AssertionError("scan of " + cuboid + " to " + groupBy + " returned a row of cuboid "
                            + keys.cuboid(row.key()));
                }
                String key = Arrays.stream(keys.decodeValues(row.key())).map(E2e::render)
                        .collect(Collectors.joining("|"));
                Object[] states = cells.decode(row.measureCell());
                List<String> values = new ArrayList<>();
                for (int m = 0; m < states.length; m++) {
                    values.add(render(cells.measures().get(m).result(states[m])));
                }
                String previous = out.put(key, String.join("|", values));
                if (previous != null) {
                    throw new AssertionError("scan of cuboid " + groupBy + " returned the group " + key + " twice");
                }
            }
        }
        return out;
    }

    static Map<String, String> scan(CubeStore store, Segment segment, long cuboid) {
        return scan(store, segment, cuboid, cuboid, Map.of());
    }

    static String render(Object v) {
        if (v == null) {
            return "NULL";
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n && !(v instanceof Double) && !(v instanceof Float)) {
            return Long.toString(n.longValue());
        }
        return v.toString();
    }

    /**
     * SSB at scale factor {@code sf}: Avro under {@code root/data/ssb} (where {@link #apply} points the examples) and
     * the same rows as CSV, loaded into a new in-memory DuckDB connection, which is returned.
     */
    static Connection ssb(Path root, double sf) throws Exception {
        SsbGenerator.generate(new SsbOptions(sf, root.resolve("data/ssb"), OutputFormat.AVRO).withThreads(1),
                ProgressListener.NONE);
        SsbGenerator.generate(new SsbOptions(sf, root.resolve("csv"), OutputFormat.CSV).withThreads(1),
                ProgressListener.NONE);
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        loadCsv(duck, SsbTables.at(root.resolve("csv"), OutputFormat.CSV));
        return duck;
    }

    /** Ad events as {@link #ssb} does SSB: {@code days} days from the default start, under {@code root/data/ads}. */
    static Connection ads(Path root, double scale, int days) throws Exception {
        LocalDate from = AdsOptions.DEFAULT_START;
        AdsGenerator.generate(new AdsOptions(scale, days, from, root.resolve("data/ads"), OutputFormat.AVRO)
                .withThreads(1), ProgressListener.NONE);
        AdsGenerator.generate(new AdsOptions(scale, days, from, root.resolve("csv"), OutputFormat.CSV)
                .withThreads(1), ProgressListener.NONE);
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        loadCsv(duck, AdsTables.at(root.resolve("csv"), OutputFormat.CSV));
        return duck;
    }

    /** Closes what is not null, in order. */
    static void closeAll(AutoCloseable... resources) throws Exception {
        for (AutoCloseable c : resources) {
            if (c != null) {
                c.close();
            }
        }
    }

    /**
     * A tiny CSV star: table {@code sale(sale_date, shop_id, qty)} joined to {@code shop(shop_id, city)} with
     * {@code joinType}, partitioned by day, and cube {@code sales} (sale_date, city; COUNT, SUM(qty)).
     */
    static String shopSales(Path shopFile, Path saleFile, String joinType) {
        return """
                [{"kind": "table", "schemaVersion": 1, "name": "shop", "location": "%s", "format": "csv",
                  "columns": [{"name": "shop_id", "type": "INT", "nullable": false},
                              {"name": "city", "type": "VARCHAR", "nullable": false}]},
                 {"kind": "table", "schemaVersion": 1, "name": "sale", "location": "%s", "format": "csv",
                  "columns": [{"name": "sale_date", "type": "DATE", "nullable": false},
                              {"name": "shop_id", "type": "INT", "nullable": false},
                              {"name": "qty", "type": "INT", "nullable": false}]},
                 {"kind": "model", "schemaVersion": 1, "name": "shops", "factTable": "sale",
                  "lookups": [{"table": "shop", "alias": "shop", "joinType": "%s", "joinFrom": "sale",
                               "foreignKey": ["shop_id"], "primaryKey": ["shop_id"]}],
                  "partition": {"column": "sale_date"}},
                 {"kind": "cube", "schemaVersion": 1, "name": "sales", "model": "shops",
                  "dimensions": [{"name": "sale_date", "table": "sale", "column": "sale_date", "encoding": "date"},
                                 {"name": "city", "table": "shop", "column": "city"}],
                  "measures": [{"name": "n", "function": "COUNT"},
                               {"name": "qty", "function": "SUM", "argument": "qty"}],
                  "aggregationGroups": [{"includes": ["sale_date", "city"]}]}]
                """.formatted(shopFile.toAbsolutePath(), saleFile.toAbsolutePath(), joinType);
    }

    /** Loads the CSV tables into DuckDB under the tables' names. */
    static void loadCsv(Connection duck, List<TableDesc> csvTables) throws Exception {
        try (Statement st = duck.createStatement()) {
            for (TableDesc t : csvTables) {
                String glob = Files.isDirectory(Path.of(t.location())) ? t.location() + "/**/*.csv" : t.location();
                st.execute("create table " + t.name() + " as select * from read_csv('" + glob
                        + "', header=true, hive_partitioning=false)");
            }
        }
    }

    /** The model's star join as SQL over tables named like the model's tables. */
    static String from(ModelDesc model) {
        StringBuilder b = new StringBuilder(" from " + model.factTable());
        for (LookupDesc l : model.lookups()) {
            b.append(l.joinType() == JoinType.INNER ? " join " : " left join ")
                    .append(l.table()).append(" as ").append(l.alias()).append(" on ");
            for (int i = 0; i < l.foreignKey().size(); i++) {
                b.append(i == 0 ? "" : " and ").append(l.joinFrom()).append('.').append(l.foreignKey().get(i))
                        .append(" = ").append(l.alias()).append('.').append(l.primaryKey().get(i));
            }
        }
        return b.toString();
    }

    static String measureSql(MeasureDesc m) {
        String arg = m.argument().map(Object::toString).orElse("*");
        return switch (m.function()) {
            case COUNT -> "count(" + arg + ")";
            case COUNT_DISTINCT -> "count(distinct " + arg + ")";
            case SUM -> "sum(" + arg + ")";
            case MIN -> "min(" + arg + ")";
            case MAX -> "max(" + arg + ")";
        };
    }

    /** DuckDB's GROUP BY over the dimensions of {@code cuboid} (row-key order), keyed like {@link #scan}. */
    static Map<String, String> groupBy(Connection c, ValidatedCube cube, ModelDesc model, long cuboid, String where)
            throws Exception {
        List<String> dims = cube.layout().dimensionsOf(cuboid).stream().map(n -> {
            var d = cube.dimension(n).orElseThrow().desc();
            return d.table() + "." + d.column();
        }).toList();
        String measures = cube.cube().measures().stream().map(E2e::measureSql).collect(Collectors.joining(", "));
        String sql = "select " + (dims.isEmpty() ? "" : String.join(", ", dims) + ", ") + measures + from(model)
                + " where " + where + (dims.isEmpty() ? "" : " group by " + String.join(", ", dims));
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                List<String> k = new ArrayList<>();
                for (int i = 1; i <= dims.size(); i++) {
                    k.add(render(rs.getObject(i)));
                }
                List<String> v = new ArrayList<>();
                for (int i = dims.size() + 1; i <= md.getColumnCount(); i++) {
                    v.add(render(rs.getObject(i)));
                }
                out.put(String.join("|", k), String.join("|", v));
            }
        }
        return out;
    }

    static long count(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
