package io.haechi.builder.join;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.List;

/**
 * One join of the flat table: {@code <type> JOIN lookup AS alias ON foreignKey = lookup's key columns}. The
 * foreign-key columns belong to the fact table or to a lookup joined earlier (a snowflake chain), in the order of
 * the lookup's key columns.
 *
 * @param alias the name this lookup has in the join (a table may be joined twice under two aliases)
 * @param type INNER or LEFT
 * @param lookup the loaded lookup
 * @param foreignKey the columns that reference the lookup's key, as many as it has key columns
 */
public record JoinSpec(String alias, JoinType type, LookupTable lookup, List<ColumnRef> foreignKey) {
    public JoinSpec {
        Names.checkIdentifier(alias, "join alias");
        requireNonNull(type, "type is null");
        requireNonNull(lookup, "lookup is null");
        foreignKey = List.copyOf(requireNonNull(foreignKey, "foreignKey is null"));
        if (foreignKey.size() != lookup.keyColumns().size()) {
            throw new IllegalArgumentException("join '" + alias + "' has " + foreignKey.size()
                    + " foreign-key columns for the " + lookup.keyColumns().size() + " key columns "
                    + lookup.keyColumns() + " of lookup '" + lookup.table().name() + "'");
        }
    }
}
