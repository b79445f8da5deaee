package io.haechi.bench.prepare;

import io.haechi.model.catalog.Catalog;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.catalog.Versioned;
import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.MeasureDesc;
import io.haechi.model.star.JoinType;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import io.haechi.model.validate.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The cuboids a segment stores, as SQL for DuckDB: the model's star join, each cuboid's dimension columns and the
 * cube's measures, so that {@link GroupingSets} computes the same cuboid set over the same rows.
 */
final class CuboidSets {
    private CuboidSets() {
    }

    static Map<String, Object> of(Catalog catalog, String project, String cubeName, SegmentDesc segment) {
        CubeDesc cube = catalog.requireCube(project, cubeName).value();
        ModelDesc model = catalog.model(project, cube.model()).orElseThrow().value();
        List<TableDesc> tables = catalog.tables(project).stream().map(Versioned::value).toList();
        ValidatedCube v = new Validator().cube(cube, model, tables);
        List<List<String>> sets = new ArrayList<>();
        for (long cuboid : new TreeSet<>(segment.rowsPerCuboid().keySet())) {
            sets.add(v.layout().dimensionsOf(cuboid).stream().map(n -> {
                var d = v.dimension(n).orElseThrow().desc();
                return d.table() + "." + d.column();
            }).toList());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from(model));
        m.put("grouping_sets", sets);
        m.put("measures", cube.measures().stream().map(CuboidSets::measureSql).toList());
        return m;
    }

    static String from(ModelDesc model) {
        StringBuilder b = new StringBuilder(model.factTable());
        for (LookupDesc l : model.lookups()) {
            b.append(l.joinType() == JoinType.INNER ? " join " : " left join ").append(l.table()).append(" as ")
                    .append(l.alias()).append(" on ");
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
}
