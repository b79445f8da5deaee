package io.haechi.query.schema;

import static java.util.Objects.requireNonNull;

import io.haechi.model.expr.ColumnRef;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.query.meta.ProjectSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A registered table as SQL sees it: its columns, plus for a fact table the model's computed columns (so that
 * {@code sum(v_revenue)} reads like Kylin's). Aggregates over it are rewritten to cube scans; scanning it row by row
 * is the push-down path (and how lookup-only queries are answered), through {@link RawTableSource}.
 */
public final class SourceTable extends AbstractTable implements ScannableTable {
    private final ProjectSnapshot project;
    private final TableDesc table;
    private final List<StarSchema.ComputedColumn> computed;
    private final RawTableSource source;

    public SourceTable(ProjectSnapshot project, TableDesc table, List<StarSchema.ComputedColumn> computed,
            RawTableSource source) {
        this.project = requireNonNull(project, "project is null");
        this.table = requireNonNull(table, "table is null");
        this.computed = List.copyOf(requireNonNull(computed, "computed is null"));
        this.source = requireNonNull(source, "source is null");
    }

    public ProjectSnapshot project() {
        return project;
    }

    public TableDesc table() {
        return table;
    }

    /** The column names in field order: the table's, then the computed ones. */
    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        table.columns().forEach(c -> names.add(c.name()));
        computed.forEach(c -> names.add(c.desc().name()));
        return names;
    }

    /** The computed column at field {@code index}, or null for a stored column. */
    public StarSchema.ComputedColumn computedAt(int index) {
        int i = index - table.columns().size();
        return i >= 0 ? computed.get(i) : null;
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
        RelDataTypeFactory.Builder b = types.builder();
        for (ColumnDesc c : table.columns()) {
            b.add(c.name(), SqlTypes.of(types, c.type(), c.nullable()));
        }
        for (StarSchema.ComputedColumn c : computed) {
            b.add(c.desc().name(), SqlTypes.of(types, c.type(), true));
        }
        return b.build();
    }

    /** The rows of a one-column table as scalars (Calcite's row format for a single field). */
    public Enumerable<Object> scanScalar(DataContext root) {
        return scan(root).select(r -> r[0]);
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
        RelDataType rowType = getRowType(root.getTypeFactory());
        List<Object[]> rows = new ArrayList<>();
        int n = table.columns().size();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < n; i++) {
            positions.put(table.columns().get(i).name().toLowerCase(Locale.ROOT), i);
        }
        source.read(table, raw -> {
            Object[] out = new Object[n + computed.size()];
            for (int i = 0; i < n; i++) {
                out[i] = SqlTypes.toInternal(raw[i], rowType.getFieldList().get(i).getType());
            }
            for (int c = 0; c < computed.size(); c++) {
                Object v = computed.get(c).expression().evaluate((ColumnRef ref) -> {
                    Integer p = positions.get(ref.column().toLowerCase(Locale.ROOT));
                    return p == null ? null : raw[p];
                });
                out[n + c] = SqlTypes.toInternal(v, rowType.getFieldList().get(n + c).getType());
            }
            rows.add(out);
        });
        return Linq4j.asEnumerable(rows);
    }
}
