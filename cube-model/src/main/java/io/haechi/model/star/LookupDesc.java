package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.List;

/**
 * A lookup table joined into the model by an equi-join on one or more column pairs.
 *
 * @param table the lookup's table name
 * @param alias the name the model uses for it (defaults to the table name); unique in the model
 * @param joinType INNER or LEFT
 * @param joinFrom the alias it joins from: the fact table, or another lookup (a snowflake chain)
 * @param foreignKey columns of {@code joinFrom}
 * @param primaryKey columns of this lookup, pairwise equal to {@code foreignKey}
 */
public record LookupDesc(String table, String alias, JoinType joinType, String joinFrom, List<String> foreignKey,
        List<String> primaryKey) {
    public LookupDesc {
        Names.checkIdentifier(table, "lookup table name");
        alias = Names.checkIdentifier(alias == null ? table : alias, "lookup alias");
        requireNonNull(joinType, "joinType is null");
        Names.checkIdentifier(joinFrom, "joinFrom");
        foreignKey = List.copyOf(requireNonNull(foreignKey, "foreignKey is null"));
        primaryKey = List.copyOf(requireNonNull(primaryKey, "primaryKey is null"));
        if (foreignKey.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "lookup '" + alias + "' has no join columns");
        }
        if (foreignKey.size() != primaryKey.size()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "lookup '" + alias + "' joins "
                    + foreignKey.size() + " foreignKey columns with " + primaryKey.size()
                    + " primaryKey columns; they pair up one to one");
        }
    }
}
