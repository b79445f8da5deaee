package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;

/** {@code CAST(operand AS type)}. */
public record CastExpr(Expr operand, DataType type) implements Expr {
    public CastExpr {
        requireNonNull(operand, "operand is null");
        requireNonNull(type, "type is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
