package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.expr.Expr;
import io.haechi.model.table.DataType;
import java.util.Optional;

/**
 * A precomputed aggregate.
 *
 * @param name the measure name, unique in the cube
 * @param function the aggregate function
 * @param argument a fact column, or for SUM/MIN/MAX an expression over fact columns (e.g.
 *     {@code lo_extendedprice * lo_discount}); empty only for COUNT, meaning COUNT(*)
 * @param returnType the declared result type; empty to use the inferred one
 */
public record MeasureDesc(String name, MeasureFunction function, Optional<Expr> argument,
        Optional<DataType> returnType) {
    public MeasureDesc {
        Names.checkIdentifier(name, "measure name");
        requireNonNull(function, "function is null");
        requireNonNull(argument, "argument is null");
        requireNonNull(returnType, "returnType is null");
    }

    /** Whether this is COUNT(*). */
    public boolean isCountStar() {
        return function == MeasureFunction.COUNT && argument.isEmpty();
    }
}
