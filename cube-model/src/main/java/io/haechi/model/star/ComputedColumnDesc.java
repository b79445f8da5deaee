package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.expr.Expr;
import io.haechi.model.table.DataType;
import java.util.Optional;

/**
 * A column added to the fact table, computed from its columns (e.g. {@code v_revenue = lo_extendedprice *
 * lo_discount}); usable as a dimension or a measure argument.
 *
 * @param name the column name; must not clash with a fact column
 * @param expression over fact-table columns
 * @param type the declared type; empty to use the inferred one
 */
public record ComputedColumnDesc(String name, Expr expression, Optional<DataType> type) {
    public ComputedColumnDesc {
        Names.checkIdentifier(name, "computed column name");
        requireNonNull(expression, "expression is null");
        requireNonNull(type, "type is null");
    }
}
