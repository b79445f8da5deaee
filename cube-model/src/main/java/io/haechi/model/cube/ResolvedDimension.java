package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.expr.ColumnRef;
import io.haechi.model.table.DataType;
import java.util.List;

/**
 * A dimension resolved against the model.
 *
 * @param desc the descriptor
 * @param column the canonical column (alias-qualified)
 * @param type the column type
 * @param computed whether the column is a computed column of the fact table
 * @param hostDimensions for a derived dimension, the stored dimensions (one per join key column) its lookup row is
 *     found by; empty for a normal dimension
 */
public record ResolvedDimension(DimensionDesc desc, ColumnRef column, DataType type, boolean computed,
        List<String> hostDimensions) {
    public ResolvedDimension {
        requireNonNull(desc, "desc is null");
        requireNonNull(column, "column is null");
        requireNonNull(type, "type is null");
        hostDimensions = List.copyOf(requireNonNull(hostDimensions, "hostDimensions is null"));
    }

    public String name() {
        return desc.name();
    }

    /** The encoding hint, dict by default. */
    public DimensionEncoding encoding() {
        return desc.encoding().orElse(DimensionEncoding.DICT);
    }
}
