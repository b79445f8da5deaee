package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

/** {@code left op right}. */
public record BinaryExpr(BinaryOp op, Expr left, Expr right) implements Expr {
    public BinaryExpr {
        requireNonNull(op, "op is null");
        requireNonNull(left, "left is null");
        requireNonNull(right, "right is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
