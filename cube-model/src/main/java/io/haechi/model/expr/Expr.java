package io.haechi.model.expr;

/**
 * An immutable expression tree node. {@link #toString()} prints SQL that {@link ExprParser#parse} reads back into an
 * equal tree (for every tree the parser produces).
 */
public sealed interface Expr
        permits ColumnRef, Literal, NullLiteral, UnaryExpr, BinaryExpr, InExpr, BetweenExpr, IsNullExpr, CaseExpr,
        CastExpr {

    /** Parses {@code text}; shorthand for {@link ExprParser#parse(String)}. */
    static Expr parse(String text) {
        return ExprParser.parse(text);
    }
}
