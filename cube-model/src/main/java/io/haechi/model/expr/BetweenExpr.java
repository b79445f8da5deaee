package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

/** {@code value [NOT] BETWEEN low AND high}, both bounds inclusive. */
public record BetweenExpr(Expr value, Expr low, Expr high, boolean negated) implements Expr {
    public BetweenExpr {
        requireNonNull(value, "value is null");
        requireNonNull(low, "low is null");
        requireNonNull(high, "high is null");
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
