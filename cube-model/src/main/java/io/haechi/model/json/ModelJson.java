package io.haechi.model.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.Expr;
import io.haechi.model.expr.ExprParser;
import io.haechi.model.star.ComputedColumnDesc;
import io.haechi.model.star.JoinType;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.ModelDesc;
import io.haechi.model.star.PartitionDesc;
import io.haechi.model.table.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code kind: model} documents: name, factTable, lookups (table, alias, joinType, joinFrom, foreignKey,
 * primaryKey), partition (column, dateFormat), filter, computedColumns (name, expression, type). Expressions are SQL
 * strings; alias defaults to the table name and joinFrom to the fact table.
 */
final class ModelJson {
    static final List<String> FIELDS = List.of("kind", "schemaVersion", "name", "factTable", "lookups", "partition",
            "filter", "computedColumns");
    private static final List<String> LOOKUP = List.of("table", "alias", "joinType", "joinFrom", "foreignKey",
            "primaryKey");
    private static final List<String> PARTITION = List.of("column", "dateFormat");
    private static final List<String> COMPUTED = List.of("name", "expression", "type");

    private ModelJson() {
    }

    static ModelDesc read(JsonFields f) {
        String name = f.text("name");
        String fact = f.text("factTable");
        List<LookupDesc> lookups = new ArrayList<>();
        for (JsonFields l : f.objects("lookups", false, LOOKUP)) {
            String table = l.text("table");
            String alias = l.optText("alias").orElse(table);
            JoinType type = l.parsed("joinType", ModelJson::joinType);
            String from = l.optText("joinFrom").orElse(fact);
            List<String> fk = l.texts("foreignKey", true);
            List<String> pk = l.texts("primaryKey", true);
            lookups.add(l.build(() -> new LookupDesc(table, alias, type, from, fk, pk)));
        }
        Optional<PartitionDesc> partition = f.object("partition", PARTITION).map(p -> {
            String column = p.text("column");
            Optional<String> format = p.optText("dateFormat");
            return p.build(() -> new PartitionDesc(column, format));
        });
        Optional<Expr> filter = f.optParsed("filter", ExprParser::parse);
        List<ComputedColumnDesc> computed = new ArrayList<>();
        for (JsonFields c : f.objects("computedColumns", false, COMPUTED)) {
            String columnName = c.text("name");
            Expr expression = c.parsed("expression", ExprParser::parse);
            Optional<DataType> type = c.optParsed("type", DataType::parse);
            computed.add(c.build(() -> new ComputedColumnDesc(columnName, expression, type)));
        }
        return f.build(() -> new ModelDesc(name, fact, lookups, partition, filter, computed));
    }

    private static JoinType joinType(String text) {
        try {
            return JoinType.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.INVALID_JSON, "'" + text + "' is not a join type; expected INNER or "
                    + "LEFT");
        }
    }

    static ObjectNode write(ModelDesc m) {
        ObjectNode o = JsonDescriptors.header("model", m.name());
        o.put("factTable", m.factTable());
        if (!m.lookups().isEmpty()) {
            ArrayNode lookups = o.putArray("lookups");
            for (LookupDesc l : m.lookups()) {
                ObjectNode n = lookups.addObject();
                n.put("table", l.table());
                n.put("alias", l.alias());
                n.put("joinType", l.joinType().name());
                n.put("joinFrom", l.joinFrom());
                l.foreignKey().forEach(n.putArray("foreignKey")::add);
                l.primaryKey().forEach(n.putArray("primaryKey")::add);
            }
        }
        m.partition().ifPresent(p -> {
            ObjectNode n = o.putObject("partition");
            n.put("column", p.column());
            p.dateFormat().ifPresent(d -> n.put("dateFormat", d));
        });
        m.filter().ifPresent(e -> o.put("filter", e.toString()));
        if (!m.computedColumns().isEmpty()) {
            ArrayNode computed = o.putArray("computedColumns");
            for (ComputedColumnDesc c : m.computedColumns()) {
                ObjectNode n = computed.addObject();
                n.put("name", c.name());
                n.put("expression", c.expression().toString());
                c.type().ifPresent(t -> n.put("type", t.toString()));
            }
        }
        return o;
    }
}
