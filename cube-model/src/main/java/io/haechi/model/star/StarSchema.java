package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.expr.ColumnScope;
import io.haechi.model.expr.CompiledExpr;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TableDesc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link ModelDesc} resolved against its tables by {@link ModelValidator}: every alias maps to its table, join keys
 * and partition column exist and fit, computed columns and the filter are type-checked. Aliases and column names
 * are looked up ignoring case. Immutable.
 */
public final class StarSchema {
    private final ModelDesc model;
    private final TableDesc fact;
    private final Map<String, TableDesc> tablesByAlias;
    private final Map<String, LookupDesc> lookupsByAlias;
    private final Map<String, ComputedColumn> computedColumns;
    private final ColumnScope scope;
    private final ColumnScope factScope;
    private final Optional<CompiledExpr> filter;

    StarSchema(ModelDesc model, TableDesc fact, Map<String, TableDesc> tablesByAlias,
            Map<String, LookupDesc> lookupsByAlias, Map<String, ComputedColumn> computedColumns, ColumnScope scope,
            ColumnScope factScope, Optional<CompiledExpr> filter) {
        this.model = requireNonNull(model, "model is null");
        this.fact = requireNonNull(fact, "fact is null");
        this.tablesByAlias = Map.copyOf(tablesByAlias);
        this.lookupsByAlias = Map.copyOf(lookupsByAlias);
        this.computedColumns = Collections.unmodifiableMap(computedColumns);
        this.scope = requireNonNull(scope, "scope is null");
        this.factScope = requireNonNull(factScope, "factScope is null");
        this.filter = requireNonNull(filter, "filter is null");
    }

    /** A computed column with its resolved type and compiled expression (over fact columns). */
    public record ComputedColumn(ComputedColumnDesc desc, DataType type, CompiledExpr expression) {
        public ComputedColumn {
            requireNonNull(desc, "desc is null");
            requireNonNull(type, "type is null");
            requireNonNull(expression, "expression is null");
        }
    }

    public ModelDesc model() {
        return model;
    }

    public TableDesc factTable() {
        return fact;
    }

    /** The fact table's alias: its table name. */
    public String factAlias() {
        return model.factTable();
    }

    public boolean isFact(String alias) {
        return alias.equalsIgnoreCase(model.factTable());
    }

    /** The table behind an alias (the fact table's name or a lookup alias). */
    public Optional<TableDesc> table(String alias) {
        return Optional.ofNullable(tablesByAlias.get(key(alias)));
    }

    public Optional<LookupDesc> lookup(String alias) {
        return Optional.ofNullable(lookupsByAlias.get(key(alias)));
    }

    /** The lookups joined on the way from the fact table to {@code alias}, fact side first; empty for the fact. */
    public List<LookupDesc> joinPath(String alias) {
        List<LookupDesc> path = new ArrayList<>();
        Optional<LookupDesc> step = lookup(alias);
        while (step.isPresent()) {
            path.add(0, step.get());
            step = lookup(step.get().joinFrom());
        }
        return path;
    }

    /** The type of {@code alias.column}, including computed columns of the fact table. */
    public Optional<DataType> columnType(String alias, String column) {
        if (isFact(alias)) {
            Optional<ComputedColumn> computed = computedColumn(column);
            if (computed.isPresent()) {
                return Optional.of(computed.get().type());
            }
        }
        return table(alias).flatMap(t -> t.column(column)).map(c -> c.type());
    }

    public List<ComputedColumn> computedColumns() {
        return List.copyOf(computedColumns.values());
    }

    public Optional<ComputedColumn> computedColumn(String name) {
        return Optional.ofNullable(computedColumns.get(key(name)));
    }

    /** Every column of every table, by alias; computed columns belong to the fact table. */
    public ColumnScope scope() {
        return scope;
    }

    /** Fact-table columns and computed columns only (measure arguments). */
    public ColumnScope factScope() {
        return factScope;
    }

    /** The model filter, compiled over {@link #scope()}. */
    public Optional<CompiledExpr> filter() {
        return filter;
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
