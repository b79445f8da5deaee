package io.haechi.server.e2e;

import io.haechi.model.segment.SegmentDictionaries;
import io.haechi.builder.segment.MeasureAdapter;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.MeasureDesc;
import io.haechi.model.cube.ResolvedMeasure;
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
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.storage.hbase.HBaseCluster;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
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
            return new RowKeyCodec(dictionaries.encodings(), desc.shardCount(),
                    cube.cube().shardBy().map(n -> cube.layout().position(n)).orElse(-1));
        }

        List<MeasureAdapter> measures() {
            return cube.measures().stream().map(MeasureAdapter::new).toList();
        }

        ScanLayout layout() {
            List<Integer> widths = dictionaries.encodings().stream().map(e -> e.width()).toList();
            List<ScanLayout.MeasureSpec> specs = new ArrayList<>();
            for (ResolvedMeasure m : cube.measures()) {
                specs.add(new ScanLayout.MeasureSpec(m.desc().function().name(),
                        m.argument().map(a -> a.type()).orElse(null), Map.of()));
            }
            return new ScanLayout(widths, desc.shardCount(), specs);
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
