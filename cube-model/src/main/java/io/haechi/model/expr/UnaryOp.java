package io.haechi.model.expr;

/** Prefix operators. */
public enum UnaryOp {
    NEGATE("-"),
    NOT("NOT");

    private final String symbol;

    UnaryOp(String symbol) {
        this.symbol = symbol;
    }

    public String symbol() {
        return symbol;
    }
}
