package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A column reference, {@code column} or {@code table.column} where {@code table} is a table alias of the model.
 * Names compare as written; resolution against a {@link ColumnScope} ignores case.
 *
 * @param table the table alias, if the reference is qualified
 * @param column the column name
 */
public record ColumnRef(Optional<String> table, String column) implements Expr {
    public ColumnRef {
        requireNonNull(table, "table is null");
        requireNonNull(column, "column is null");
        if (column.isEmpty() || table.map(String::isEmpty).orElse(false)) {
            throw new IllegalArgumentException("column reference has an empty name");
        }
    }

    public static ColumnRef of(String column) {
        return new ColumnRef(Optional.empty(), column);
    }

    public static ColumnRef of(String table, String column) {
        return new ColumnRef(Optional.of(table), column);
    }

    @Override
    public String toString() {
        return ExprPrinter.print(this);
    }
}
