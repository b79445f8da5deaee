package io.haechi.query.rewrite;

import static java.util.Objects.requireNonNull;

import io.haechi.query.schema.SourceTable;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;

/**
 * A fact table read row by row from its source because no cube could answer (server setting
 * {@code onNoRealization=pushdown}); EXPLAIN shows {@code pushdown=true} and why no cube answered. Not a TableScan
 * on purpose: Calcite's field trimmer would replace a table scan with a fresh one and lose the marking.
 */
public final class PushdownScan extends AbstractRelNode implements EnumerableRel {
    private final RelOptTable table;
    private final List<String> reasons;

    PushdownScan(RelOptCluster cluster, RelOptTable table, List<String> reasons) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
        this.table = requireNonNull(table, "table is null");
        this.reasons = List.copyOf(reasons);
    }

    @Override
    protected RelDataType deriveRowType() {
        return table.getRowType();
    }

    @Override
    public RelOptTable getTable() {
        return table;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return super.explainTerms(pw).item("table", table.getQualifiedName()).item("pushdown", true)
                .item("noCubeBecause", reasons);
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        return StashedCall.implement(implementor, getRowType(), table.unwrap(SourceTable.class), SourceTable.class,
                "scan", "scanScalar");
    }
}
