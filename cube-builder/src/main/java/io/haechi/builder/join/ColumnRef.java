package io.haechi.builder.join;

import io.haechi.model.Names;

/**
 * A column of the fact table or of a joined lookup, by the alias it has in the join.
 *
 * @param table the fact table's name or a lookup's alias
 * @param column the column name (matched ignoring case)
 */
public record ColumnRef(String table, String column) {
    public ColumnRef {
        Names.checkIdentifier(table, "table alias");
        Names.checkIdentifier(column, "column name");
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
