package io.haechi.model.expr;

/** The SQL {@code NULL} literal; its type comes from the context (or a CAST). */
public record NullLiteral() implements Expr {
    public static final NullLiteral INSTANCE = new NullLiteral();

    @Override
    public String toString() {
        return "NULL";
    }
}
