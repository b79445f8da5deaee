package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link ColumnScope} over named tables. Names ignore case; an unqualified name must be in exactly one table.
 */
public final class TableScope implements ColumnScope {
    private final Map<String, String> aliases;
    private final Map<String, Map<String, ResolvedColumn>> tables;

    private TableScope(Map<String, String> aliases, Map<String, Map<String, ResolvedColumn>> tables) {
        this.aliases = aliases;
        this.tables = tables;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ResolvedColumn resolve(ColumnRef ref) {
        requireNonNull(ref, "ref is null");
        String column = ref.column().toLowerCase(Locale.ROOT);
        if (ref.table().isPresent()) {
            String alias = ref.table().get().toLowerCase(Locale.ROOT);
            Map<String, ResolvedColumn> columns = tables.get(alias);
            if (columns == null) {
                throw new HaechiException(ErrorCode.UNKNOWN_TABLE, "unknown table '" + ref.table().get() + "' in '"
                        + ref + "'; tables here: " + String.join(", ", aliases.values()));
            }
            ResolvedColumn c = columns.get(column);
            if (c == null) {
                throw new HaechiException(ErrorCode.UNKNOWN_COLUMN, "table '" + aliases.get(alias)
                        + "' has no column '" + ref.column() + "'");
            }
            return c;
        }
        List<ResolvedColumn> found = new ArrayList<>();
        for (Map<String, ResolvedColumn> columns : tables.values()) {
            ResolvedColumn c = columns.get(column);
            if (c != null) {
                found.add(c);
            }
        }
        if (found.isEmpty()) {
            throw new HaechiException(ErrorCode.UNKNOWN_COLUMN, "unknown column '" + ref.column()
                    + "' (tables here: " + String.join(", ", aliases.values()) + ")");
        }
        if (found.size() > 1) {
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "column '" + ref.column()
                    + "' is ambiguous: it is in " + found.stream().map(c -> c.canonical().table().get()).toList()
                    + "; qualify it as table.column");
        }
        return found.get(0);
    }

    /** Collects tables and their columns. */
    public static final class Builder {
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Map<String, Map<String, ResolvedColumn>> tables = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder column(String table, String column, DataType type) {
            String key = table.toLowerCase(Locale.ROOT);
            aliases.putIfAbsent(key, table);
            tables.computeIfAbsent(key, k -> new LinkedHashMap<>())
                    .put(column.toLowerCase(Locale.ROOT), new ResolvedColumn(ColumnRef.of(aliases.get(key), column),
                            type));
            return this;
        }

        public TableScope build() {
            Map<String, Map<String, ResolvedColumn>> copy = new LinkedHashMap<>();
            tables.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
            return new TableScope(Map.copyOf(aliases), copy);
        }
    }
}
