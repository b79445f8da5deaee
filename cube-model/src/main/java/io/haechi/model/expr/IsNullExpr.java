package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

/** {@code value IS [NOT] NULL}. */
public record IsNullExpr(Expr value, boolean negated) implements Expr {
    public IsNullExpr {
        requireNonNull(value, "value is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
