package io.haechi.model.expr;

/** One row's values, looked up by canonical column reference (see {@link CompiledExpr#columns()}). */
@FunctionalInterface
public interface ColumnResolver {
    /** The value of the column in this row, or null for SQL NULL. */
    Object valueOf(ColumnRef column);
}
