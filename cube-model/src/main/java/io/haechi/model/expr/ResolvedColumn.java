package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;

/**
 * A column reference resolved by a {@link ColumnScope}.
 *
 * @param canonical the reference qualified with the table alias and spelled as declared
 * @param type the column type
 */
public record ResolvedColumn(ColumnRef canonical, DataType type) {
    public ResolvedColumn {
        requireNonNull(canonical, "canonical is null");
        requireNonNull(type, "type is null");
        if (canonical.table().isEmpty()) {
            throw new IllegalArgumentException("a canonical column reference names its table: " + canonical);
        }
    }
}
