package io.haechi.query.rewrite;

import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The generated code of Haechi's leaf nodes: call a method of an object stashed in the plan (so the code is the same
 * for every literal and Calcite's compiled-code cache hits), the scalar variant for a one-column row.
 */
final class StashedCall {
    private StashedCall() {
    }

    /**
     * @param arrayMethod {@code Enumerable<Object[]> m(DataContext)}
     * @param scalarMethod {@code Enumerable<Object> m(DataContext)}, used when the row has one field
     */
    static <T> EnumerableRel.Result implement(EnumerableRelImplementor implementor, RelDataType rowType, T target,
            Class<T> type, String arrayMethod, String scalarMethod) {
        boolean scalar = rowType.getFieldCount() == 1;
        PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), rowType,
                scalar ? JavaRowFormat.SCALAR : JavaRowFormat.ARRAY);
        Expression stashed = implementor.stash(target, type);
        Expression call = Expressions.call(stashed, scalar ? scalarMethod : arrayMethod,
                implementor.getRootExpression());
        return implementor.result(physType, Blocks.toBlock(call));
    }
}
