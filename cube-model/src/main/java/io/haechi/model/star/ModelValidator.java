package io.haechi.model.star;

import static io.haechi.model.star.StarSchema.key;
import static java.util.Objects.requireNonNull;

import io.haechi.model.Issues;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.ColumnScope;
import io.haechi.model.expr.CompiledExpr;
import io.haechi.model.expr.ExprCompiler;
import io.haechi.model.expr.ResolvedColumn;
import io.haechi.model.expr.TableScope;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TableDesc;
import io.haechi.model.table.TypeName;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a {@link ModelDesc} against the project's tables and resolves it into a {@link StarSchema}. Every problem
 * is reported with its field path (e.g. {@code lookups[1].primaryKey[0]}); checks that depend on a broken part are
 * skipped rather than reported twice.
 */
public final class ModelValidator {
    private final ModelDesc model;
    private final Map<String, TableDesc> tables = new LinkedHashMap<>();
    private final Map<String, TableDesc> byAlias = new LinkedHashMap<>();
    private final Map<String, LookupDesc> lookups = new LinkedHashMap<>();
    private final Map<String, StarSchema.ComputedColumn> computed = new LinkedHashMap<>();
    private final Issues issues = new Issues();

    private ModelValidator(ModelDesc model, Collection<TableDesc> tables) {
        this.model = model;
        tables.forEach(t -> this.tables.put(key(t.name()), t));
    }

    /** Validates {@code model} against {@code tables} (the project's tables; extra ones are ignored). */
    public static ModelValidation validate(ModelDesc model, Collection<TableDesc> tables) {
        requireNonNull(model, "model is null");
        requireNonNull(tables, "tables is null");
        return new ModelValidator(model, tables).run();
    }

    private ModelValidation run() {
        TableDesc fact = tables.get(key(model.factTable()));
        if (fact == null) {
            issues.add(ErrorCode.UNKNOWN_TABLE, "factTable", "unknown table '" + model.factTable() + "'"
                    + knownTables());
            return new ModelValidation(issues.list(), Optional.empty());
        }
        byAlias.put(key(model.factTable()), fact);
        collectAliases();
        checkJoins();
        checkChains();
        TableScope factOnly = scopeOf(List.of(model.factTable()), false);
        checkComputedColumns(fact, factOnly);
        ColumnScope all = scopeOf(List.copyOf(byAlias.keySet()), true);
        ColumnScope factScope = scopeOf(List.of(model.factTable()), true);
        model.partition().ifPresent(p -> checkPartition(p, fact));
        Optional<CompiledExpr> filter = checkFilter(all);
        if (!issues.isEmpty()) {
            return new ModelValidation(issues.list(), Optional.empty());
        }
        StarSchema schema = new StarSchema(model, fact, byAlias, lookups, computed, all, factScope, filter);
        return new ModelValidation(List.of(), Optional.of(schema));
    }

    private void collectAliases() {
        for (int i = 0; i < model.lookups().size(); i++) {
            LookupDesc lookup = model.lookups().get(i);
            TableDesc table = tables.get(key(lookup.table()));
            if (table == null) {
                issues.add(ErrorCode.UNKNOWN_TABLE, "lookups[" + i + "].table", "unknown table '" + lookup.table()
                        + "'" + knownTables());
                continue;
            }
            if (byAlias.containsKey(key(lookup.alias()))) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, "lookups[" + i + "].alias", "alias '" + lookup.alias()
                        + "' is already used by " + (key(lookup.alias()).equals(key(model.factTable()))
                        ? "the fact table; give this lookup another alias" : "another lookup; aliases must be unique"));
                continue;
            }
            byAlias.put(key(lookup.alias()), table);
            lookups.put(key(lookup.alias()), lookup);
        }
    }

    private void checkJoins() {
        for (int i = 0; i < model.lookups().size(); i++) {
            LookupDesc lookup = model.lookups().get(i);
            if (lookups.get(key(lookup.alias())) != lookup) {
                continue;
            }
            String path = "lookups[" + i + "]";
            TableDesc from = byAlias.get(key(lookup.joinFrom()));
            if (from == null) {
                issues.add(ErrorCode.UNKNOWN_TABLE, path + ".joinFrom", "'" + lookup.joinFrom()
                        + "' is neither the fact table '" + model.factTable() + "' nor a lookup alias of this model");
                continue;
            }
            if (key(lookup.joinFrom()).equals(key(lookup.alias()))) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".joinFrom", "lookup '" + lookup.alias()
                        + "' cannot join from itself");
                continue;
            }
            TableDesc to = byAlias.get(key(lookup.alias()));
            for (int k = 0; k < lookup.foreignKey().size(); k++) {
                Optional<ColumnDesc> fk = from.column(lookup.foreignKey().get(k));
                Optional<ColumnDesc> pk = to.column(lookup.primaryKey().get(k));
                if (fk.isEmpty()) {
                    issues.add(ErrorCode.UNKNOWN_COLUMN, path + ".foreignKey[" + k + "]", "table '"
                            + lookup.joinFrom() + "' has no column '" + lookup.foreignKey().get(k) + "'");
                }
                if (pk.isEmpty()) {
                    issues.add(ErrorCode.UNKNOWN_COLUMN, path + ".primaryKey[" + k + "]", "table '"
                            + lookup.alias() + "' has no column '" + lookup.primaryKey().get(k) + "'");
                }
                if (fk.isPresent() && pk.isPresent() && !joinable(fk.get().type(), pk.get().type())) {
                    issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".primaryKey[" + k + "]",
                            "join key types do not match: " + lookup.joinFrom() + "." + fk.get().name() + " is "
                            + fk.get().type() + " but " + lookup.alias() + "." + pk.get().name() + " is "
                            + pk.get().type() + " (integers join with integers, strings with strings, dates with "
                            + "dates)");
                }
            }
        }
    }

    /** Join keys must be of one family: INT with BIGINT is fine, INT with VARCHAR is not. */
    static boolean joinable(DataType a, DataType b) {
        TypeName x = a.name();
        TypeName y = b.name();
        if (x.isInteger() || x == TypeName.DECIMAL) {
            return (y.isInteger() || y == TypeName.DECIMAL) && a.scale() == 0 && b.scale() == 0 || x == y;
        }
        if (x.isString()) {
            return y.isString();
        }
        return x == y;
    }

    private void checkChains() {
        for (int i = 0; i < model.lookups().size(); i++) {
            LookupDesc lookup = model.lookups().get(i);
            boolean reported = !byAlias.containsKey(key(lookup.joinFrom()))
                    || key(lookup.joinFrom()).equals(key(lookup.alias()));
            if (lookups.get(key(lookup.alias())) != lookup || reported) {
                continue;
            }
            Set<String> seen = new LinkedHashSet<>();
            String at = key(lookup.alias());
            while (lookups.containsKey(at) && seen.add(at)) {
                at = key(lookups.get(at).joinFrom());
            }
            if (seen.contains(at)) {
                List<String> chain = new ArrayList<>(seen);
                chain.add(at);
                issues.add(ErrorCode.INVALID_DESCRIPTOR, "lookups[" + i + "].joinFrom", "lookup '" + lookup.alias()
                        + "' does not reach the fact table '" + model.factTable() + "': its join chain "
                        + String.join(" -> ", chain) + " is a cycle");
            }
        }
    }

    private void checkComputedColumns(TableDesc fact, TableScope factOnly) {
        ColumnScope strict = ref -> resolveFactOnly(ref, factOnly);
        for (int i = 0; i < model.computedColumns().size(); i++) {
            ComputedColumnDesc c = model.computedColumns().get(i);
            String path = "computedColumns[" + i + "]";
            if (fact.column(c.name()).isPresent()) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".name", "computed column '" + c.name()
                        + "' clashes with the column of the same name in fact table '" + fact.name() + "'");
                continue;
            }
            if (computed.containsKey(key(c.name()))) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".name", "computed column '" + c.name()
                        + "' is defined twice");
                continue;
            }
            try {
                CompiledExpr expr = ExprCompiler.compile(c.expression(), strict);
                DataType type = expr.type();
                if (c.type().isPresent()) {
                    if (!sameFamily(c.type().get(), type)) {
                        issues.add(ErrorCode.INVALID_TYPE, path + ".type", "declared type " + c.type().get()
                                + " does not fit the expression's type " + type);
                        continue;
                    }
                    type = c.type().get();
                }
                computed.put(key(c.name()), new StarSchema.ComputedColumn(c, type, expr));
            } catch (HaechiException e) {
                issues.add(path + ".expression", e);
            }
        }
    }

    private ResolvedColumn resolveFactOnly(ColumnRef ref, TableScope factOnly) {
        if (ref.table().isPresent() && !ref.table().get().equalsIgnoreCase(model.factTable())
                && byAlias.containsKey(key(ref.table().get()))) {
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "'" + ref + "' is a column of lookup '"
                    + ref.table().get() + "'; computed columns may use only columns of the fact table '"
                    + model.factTable() + "'");
        }
        try {
            return factOnly.resolve(ref);
        } catch (HaechiException e) {
            for (Map.Entry<String, TableDesc> t : byAlias.entrySet()) {
                if (!t.getKey().equals(key(model.factTable())) && t.getValue().column(ref.column()).isPresent()) {
                    throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "'" + ref.column()
                            + "' is a column of lookup '" + lookups.get(t.getKey()).alias()
                            + "'; computed columns may use only columns of the fact table '" + model.factTable()
                            + "'");
                }
            }
            throw e;
        }
    }

    private static boolean sameFamily(DataType a, DataType b) {
        TypeName x = a.name();
        TypeName y = b.name();
        return x.isNumeric() && y.isNumeric() || x.isString() && y.isString() || x.isTemporal() && y.isTemporal()
                || x == y;
    }

    private void checkPartition(PartitionDesc p, TableDesc fact) {
        Optional<ColumnDesc> column = fact.column(p.column());
        if (column.isEmpty()) {
            issues.add(ErrorCode.UNKNOWN_COLUMN, "partition.column", "the partition column must be a column of "
                    + "the fact table '" + fact.name() + "', which has no column '" + p.column() + "'");
            return;
        }
        String problem = PartitionFormats.check(column.get().type(), p.dateFormat());
        if (problem != null) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, "partition.dateFormat", "partition column '" + p.column()
                    + "' is " + column.get().type() + ": " + problem);
        }
    }

    private Optional<CompiledExpr> checkFilter(ColumnScope all) {
        if (model.filter().isEmpty() || !issues.isEmpty()) {
            return Optional.empty();
        }
        try {
            CompiledExpr filter = ExprCompiler.compile(model.filter().get(), all);
            if (filter.type().name() != TypeName.BOOLEAN) {
                issues.add(ErrorCode.INVALID_EXPRESSION, "filter", "the filter must be a condition (BOOLEAN), but '"
                        + model.filter().get() + "' is " + filter.type());
                return Optional.empty();
            }
            return Optional.of(filter);
        } catch (HaechiException e) {
            issues.add("filter", e);
            return Optional.empty();
        }
    }

    private TableScope scopeOf(List<String> aliasKeys, boolean withComputed) {
        TableScope.Builder b = TableScope.builder();
        for (String k : aliasKeys) {
            String alias = lookups.containsKey(key(k)) ? lookups.get(key(k)).alias() : model.factTable();
            for (ColumnDesc c : byAlias.get(key(k)).columns()) {
                b.column(alias, c.name(), c.type());
            }
            if (withComputed && alias.equals(model.factTable())) {
                computed.values().forEach(c -> b.column(alias, c.desc().name(), c.type()));
            }
        }
        return b.build();
    }

    private String knownTables() {
        return tables.isEmpty() ? " (the project has no tables)" : "; known tables: "
                + tables.values().stream().map(TableDesc::name).collect(Collectors.joining(", "));
    }
}
