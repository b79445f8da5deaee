package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

/** {@code -x} or {@code NOT x}. */
public record UnaryExpr(UnaryOp op, Expr operand) implements Expr {
    public UnaryExpr {
        requireNonNull(op, "op is null");
        requireNonNull(operand, "operand is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
