package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;
import java.util.List;

/**
 * A type-checked expression ready to evaluate. Results are SQL values as Java objects of the result type's class
 * (INT/SMALLINT {@link Integer}, BIGINT {@link Long}, DECIMAL {@link java.math.BigDecimal} at the type's scale,
 * DOUBLE {@link Double}, CHAR/VARCHAR {@link String}, DATE {@link java.time.LocalDate}, TIMESTAMP
 * {@link java.time.LocalDateTime}, BOOLEAN {@link Boolean}) or null for SQL NULL. Thread-safe.
 */
public final class CompiledExpr {
    private final Expr expression;
    private final DataType type;
    private final List<ColumnRef> columns;
    private final Node root;

    CompiledExpr(Expr expression, DataType type, List<ColumnRef> columns, Node root) {
        this.expression = requireNonNull(expression, "expression is null");
        this.type = requireNonNull(type, "type is null");
        this.columns = List.copyOf(columns);
        this.root = requireNonNull(root, "root is null");
    }

    public Expr expression() {
        return expression;
    }

    /** The result type. */
    public DataType type() {
        return type;
    }

    /** The distinct columns read, canonical (alias-qualified, declared spelling), in order of first use. */
    public List<ColumnRef> columns() {
        return columns;
    }

    /**
     * Evaluates over values given in the order of {@link #columns()}. Column values may be any Java class that
     * represents the column type (e.g. a {@link Short} or {@link Long} for INT, a {@link CharSequence} for VARCHAR,
     * an {@link Integer} epoch day for DATE).
     */
    public Object evaluate(Object[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("expected " + columns.size() + " column values, got " + values.length);
        }
        return root.eval(values);
    }

    /** Evaluates with values looked up by canonical column reference. */
    public Object evaluate(ColumnResolver row) {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = row.valueOf(columns.get(i));
        }
        return root.eval(values);
    }

    @Override
    public String toString() {
        return expression + " : " + type;
    }

    /** An evaluation node over the column values of one row. */
    @FunctionalInterface
    interface Node {
        Object eval(Object[] row);
    }
}
