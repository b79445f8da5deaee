package io.haechi.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.cube.AggregationGroupDesc;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.DimensionDesc;
import io.haechi.model.cube.DimensionEncoding;
import io.haechi.model.cube.MeasureDesc;
import io.haechi.model.cube.MeasureFunction;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.Expr;
import io.haechi.model.expr.ExprParser;
import io.haechi.model.table.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code kind: cube} documents: name, model, dimensions (name, table, column, derived, encoding), measures (name,
 * function, argument, returnType), aggregationGroups (includes, mandatory, hierarchies, joints, dimCap),
 * mandatoryCuboids, rowKey, shardBy. Empty lists, false and 0 are left out when writing.
 */
final class CubeJson {
    static final List<String> FIELDS = List.of("kind", "schemaVersion", "name", "model", "dimensions", "measures",
            "aggregationGroups", "mandatoryCuboids", "rowKey", "shardBy");
    private static final List<String> DIMENSION = List.of("name", "table", "column", "derived", "encoding");
    private static final List<String> MEASURE = List.of("name", "function", "argument", "returnType");
    private static final List<String> GROUP = List.of("includes", "mandatory", "hierarchies", "joints", "dimCap");

    private CubeJson() {
    }

    static CubeDesc read(JsonFields f) {
        String name = f.text("name");
        String model = f.text("model");
        List<DimensionDesc> dims = new ArrayList<>();
        for (JsonFields d : f.objects("dimensions", true, DIMENSION)) {
            String dimName = d.text("name");
            String table = d.text("table");
            String column = d.text("column");
            boolean derived = d.bool("derived", false);
            Optional<DimensionEncoding> encoding = d.optParsed("encoding", DimensionEncoding::parse);
            dims.add(d.build(() -> new DimensionDesc(dimName, table, column, derived, encoding)));
        }
        List<MeasureDesc> measures = new ArrayList<>();
        for (JsonFields m : f.objects("measures", true, MEASURE)) {
            String measureName = m.text("name");
            MeasureFunction function = m.parsed("function", CubeJson::function);
            Optional<Expr> argument = m.optParsed("argument", ExprParser::parse);
            Optional<DataType> returnType = m.optParsed("returnType", DataType::parse);
            measures.add(m.build(() -> new MeasureDesc(measureName, function, argument, returnType)));
        }
        List<AggregationGroupDesc> groups = new ArrayList<>();
        for (JsonFields g : f.objects("aggregationGroups", false, GROUP)) {
            List<String> includes = g.texts("includes", true);
            List<String> mandatory = g.texts("mandatory", false);
            List<List<String>> hierarchies = g.textLists("hierarchies");
            List<List<String>> joints = g.textLists("joints");
            int dimCap = g.integer("dimCap", 0);
            groups.add(g.build(() -> new AggregationGroupDesc(includes, mandatory, hierarchies, joints, dimCap)));
        }
        List<List<String>> mandatoryCuboids = f.textLists("mandatoryCuboids");
        List<String> rowKey = f.texts("rowKey", false);
        Optional<String> shardBy = f.optText("shardBy");
        return f.build(() -> new CubeDesc(name, model, dims, measures, groups, mandatoryCuboids, rowKey, shardBy));
    }

    private static MeasureFunction function(String text) {
        try {
            return MeasureFunction.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.INVALID_JSON, "'" + text + "' is not a measure function; expected "
                    + "SUM, COUNT, MIN, MAX or COUNT_DISTINCT");
        }
    }

    static ObjectNode write(CubeDesc c) {
        ObjectNode o = JsonDescriptors.header("cube", c.name());
        o.put("model", c.model());
        ArrayNode dims = o.putArray("dimensions");
        for (DimensionDesc d : c.dimensions()) {
            ObjectNode n = dims.addObject();
            n.put("name", d.name());
            n.put("table", d.table());
            n.put("column", d.column());
            if (d.derived()) {
                n.put("derived", true);
            }
            d.encoding().ifPresent(e -> n.put("encoding", e.toString()));
        }
        ArrayNode measures = o.putArray("measures");
        for (MeasureDesc m : c.measures()) {
            ObjectNode n = measures.addObject();
            n.put("name", m.name());
            n.put("function", m.function().name());
            m.argument().ifPresent(a -> n.put("argument", a.toString()));
            m.returnType().ifPresent(t -> n.put("returnType", t.toString()));
        }
        if (!c.aggregationGroups().isEmpty()) {
            ArrayNode groups = o.putArray("aggregationGroups");
            for (AggregationGroupDesc g : c.aggregationGroups()) {
                ObjectNode n = groups.addObject();
                g.includes().forEach(n.putArray("includes")::add);
                if (!g.mandatory().isEmpty()) {
                    g.mandatory().forEach(n.putArray("mandatory")::add);
                }
                lists(n, "hierarchies", g.hierarchies());
                lists(n, "joints", g.joints());
                if (g.dimCap() != 0) {
                    n.put("dimCap", g.dimCap());
                }
            }
        }
        lists(o, "mandatoryCuboids", c.mandatoryCuboids());
        if (!c.rowKey().isEmpty()) {
            c.rowKey().forEach(o.putArray("rowKey")::add);
        }
        c.shardBy().ifPresent(s -> o.put("shardBy", s));
        return o;
    }

    private static void lists(ObjectNode o, String field, List<List<String>> lists) {
        if (lists.isEmpty()) {
            return;
        }
        ArrayNode outer = o.putArray(field);
        for (List<String> list : lists) {
            list.forEach(outer.addArray()::add);
        }
    }
}
