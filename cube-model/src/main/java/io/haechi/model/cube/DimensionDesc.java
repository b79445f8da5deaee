package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.Optional;

/**
 * A cube dimension: a column of the model (fact, lookup, or a computed column of the fact table).
 *
 * @param name the dimension name, unique in the cube
 * @param table the table alias in the model
 * @param column the column (or computed column) name
 * @param derived true for a lookup column that is not stored but resolved through the lookup's join key
 * @param encoding the row-key encoding hint; empty for the default (dict)
 */
public record DimensionDesc(String name, String table, String column, boolean derived,
        Optional<DimensionEncoding> encoding) {
    public DimensionDesc {
        Names.checkIdentifier(name, "dimension name");
        Names.checkIdentifier(table, "dimension table");
        Names.checkIdentifier(column, "dimension column");
        requireNonNull(encoding, "encoding is null");
    }

    /** A normal dimension with the default encoding. */
    public static DimensionDesc of(String name, String table, String column) {
        return new DimensionDesc(name, table, column, false, Optional.empty());
    }
}
