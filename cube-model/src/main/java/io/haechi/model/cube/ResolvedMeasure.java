package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.expr.CompiledExpr;
import io.haechi.model.table.DataType;
import java.util.Optional;

/**
 * A measure resolved against the model.
 *
 * @param desc the descriptor
 * @param argument the compiled argument over fact and computed columns; empty for COUNT(*)
 * @param returnType the result type (declared or inferred: SUM of integers BIGINT, of DECIMAL(p,s) DECIMAL(38,s);
 *     COUNT and COUNT_DISTINCT BIGINT; MIN/MAX the argument's type)
 */
public record ResolvedMeasure(MeasureDesc desc, Optional<CompiledExpr> argument, DataType returnType) {
    public ResolvedMeasure {
        requireNonNull(desc, "desc is null");
        requireNonNull(argument, "argument is null");
        requireNonNull(returnType, "returnType is null");
    }

    public String name() {
        return desc.name();
    }
}
