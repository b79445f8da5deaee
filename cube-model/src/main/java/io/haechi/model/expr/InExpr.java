package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** {@code value [NOT] IN (v1, v2, ...)}. */
public record InExpr(Expr value, List<Expr> list, boolean negated) implements Expr {
    public InExpr {
        requireNonNull(value, "value is null");
        list = List.copyOf(requireNonNull(list, "list is null"));
        if (list.isEmpty()) {
            throw new IllegalArgumentException("IN list is empty");
        }
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
