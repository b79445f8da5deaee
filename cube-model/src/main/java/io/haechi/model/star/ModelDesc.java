package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.expr.Expr;
import java.util.List;
import java.util.Optional;

/**
 * A star or snowflake model. The fact table's alias is its table name. Checked against the tables by
 * {@link ModelValidator}.
 *
 * @param name the model name
 * @param factTable the fact table's name
 * @param lookups the joined lookups, in join order
 * @param partition the partition column, if the fact table is partitioned
 * @param filter a condition every fact row must meet to enter the cube
 * @param computedColumns columns computed on the fact table
 */
public record ModelDesc(String name, String factTable, List<LookupDesc> lookups, Optional<PartitionDesc> partition,
        Optional<Expr> filter, List<ComputedColumnDesc> computedColumns) {
    public ModelDesc {
        Names.checkIdentifier(name, "model name");
        Names.checkIdentifier(factTable, "factTable");
        lookups = List.copyOf(requireNonNull(lookups, "lookups is null"));
        requireNonNull(partition, "partition is null");
        requireNonNull(filter, "filter is null");
        computedColumns = List.copyOf(requireNonNull(computedColumns, "computedColumns is null"));
    }
}
