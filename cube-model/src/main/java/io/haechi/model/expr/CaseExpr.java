package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A searched {@code CASE WHEN c1 THEN r1 ... [ELSE e] END}. The simple form {@code CASE x WHEN v THEN r} is parsed
 * into this one with {@code x = v} conditions.
 */
public record CaseExpr(List<When> whens, Optional<Expr> otherwise) implements Expr {
    public CaseExpr {
        whens = List.copyOf(requireNonNull(whens, "whens is null"));
        requireNonNull(otherwise, "otherwise is null");
        if (whens.isEmpty()) {
            throw new IllegalArgumentException("CASE needs at least one WHEN");
        }
    }

    /** One {@code WHEN condition THEN result} arm. */
    public record When(Expr condition, Expr result) {
        public When {
            requireNonNull(condition, "condition is null");
            requireNonNull(result, "result is null");
        }
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
