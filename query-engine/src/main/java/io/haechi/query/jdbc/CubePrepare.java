package io.haechi.query.jdbc;

import static java.util.Objects.requireNonNull;

import io.haechi.query.rewrite.CubeRewriter;
import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql2rel.SqlToRelConverter;
import org.apache.calcite.tools.Program;
import org.apache.calcite.tools.Programs;

/**
 * Calcite's preparation with the cube pre-pass in front of the standard optimiser, and IN lists kept as one
 * condition (Calcite would otherwise turn an IN list of 20 or more items into a join with VALUES).
 */
final class CubePrepare extends CalcitePrepareImpl {
    private final CubeRewriter rewriter;
    private final PlanCache plans;

    CubePrepare(CubeRewriter rewriter, PlanCache plans) {
        this.rewriter = requireNonNull(rewriter, "rewriter is null");
        this.plans = requireNonNull(plans, "plans is null");
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
        PlanCache.Key key = plans.key(context, query.sql, elementType, maxRowCount);
        CalciteSignature<?> cached = plans.get(key);
        if (cached != null) {
            return (CalciteSignature<T>) cached;
        }
        CalciteSignature<T> signature = super.prepareSql(context, query, elementType, maxRowCount);
        plans.put(key, signature);
        return signature;
    }

    @Override
    protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType,
            CalciteCatalogReader catalogReader, RelOptPlanner planner) {
        JavaTypeFactory types = context.getTypeFactory();
        EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
                : EnumerableRel.Prefer.CUSTOM;
        Program cube = (p, rel, traits, materializations, lattices) -> rewriter.rewrite(rel);
        return new CalcitePreparingStmt(this, context, catalogReader, types, context.getRootSchema(), prefer,
                createCluster(planner, new RexBuilder(types)), EnumerableConvention.INSTANCE,
                createConvertletTable()) {
            @Override
            protected Program getProgram() {
                return Programs.sequence(cube, super.getProgram());
            }

            @Override
            protected SqlToRelConverter getSqlToRelConverter(SqlValidator validator, CatalogReader reader,
                    SqlToRelConverter.Config config) {
                return super.getSqlToRelConverter(validator, reader,
                        config.withInSubQueryThreshold(Integer.MAX_VALUE));
            }
        };
    }
}
