package io.haechi.model.expr;

/** Infix operators with their SQL spelling and binding strength (higher binds tighter). */
public enum BinaryOp {
    OR("OR", 1),
    AND("AND", 2),
    EQ("=", 4),
    NE("<>", 4),
    LT("<", 4),
    LE("<=", 4),
    GT(">", 4),
    GE(">=", 4),
    ADD("+", 5),
    SUBTRACT("-", 5),
    MULTIPLY("*", 6),
    DIVIDE("/", 6),
    MODULO("%", 6);

    private final String symbol;
    private final int precedence;

    BinaryOp(String symbol, int precedence) {
        this.symbol = symbol;
        this.precedence = precedence;
    }

    public String symbol() {
        return symbol;
    }

    int precedence() {
        return precedence;
    }

    public boolean isComparison() {
        return precedence == 4;
    }

    public boolean isArithmetic() {
        return precedence >= 5;
    }

    public boolean isLogical() {
        return this == AND || this == OR;
    }
}
