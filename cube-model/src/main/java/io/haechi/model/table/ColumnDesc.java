package io.haechi.model.table;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;

/**
 * A column of a source table.
 *
 * @param name the column name, an identifier ({@link Names#checkIdentifier})
 * @param type the column type
 * @param nullable whether the source may hold NULL in it
 */
public record ColumnDesc(String name, DataType type, boolean nullable) {
    public ColumnDesc {
        Names.checkIdentifier(name, "column name");
        requireNonNull(type, "type is null");
    }
}
