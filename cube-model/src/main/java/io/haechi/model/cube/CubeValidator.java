package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Issues;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.ColumnScope;
import io.haechi.model.expr.CompiledExpr;
import io.haechi.model.expr.ExprCompiler;
import io.haechi.model.expr.ResolvedColumn;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.StarSchema;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link CubeDesc} against its resolved model: dimensions, measures, row key, shard-by, aggregation groups
 * ({@link GroupValidator}) and mandatory cuboids. Each issue names its field path. Cuboid counting is the lattice's
 * job ({@code io.haechi.model.lattice}).
 */
public final class CubeValidator {
    /** A cuboid id has 63 usable bits. */
    public static final int MAX_STORED_DIMENSIONS = 63;

    private final CubeDesc cube;
    private final StarSchema schema;
    private final Issues issues = new Issues();
    private final Map<String, ResolvedDimension> dims = new HashMap<>();
    private final List<ResolvedDimension> resolvedDims = new ArrayList<>();
    private final List<ResolvedMeasure> measures = new ArrayList<>();

    private CubeValidator(CubeDesc cube, StarSchema schema) {
        this.cube = cube;
        this.schema = schema;
    }

    public static CubeValidation validate(CubeDesc cube, StarSchema schema) {
        requireNonNull(cube, "cube is null");
        requireNonNull(schema, "schema is null");
        return new CubeValidator(cube, schema).run();
    }

    private CubeValidation run() {
        if (!cube.model().equalsIgnoreCase(schema.model().name())) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, "model", "cube '" + cube.name() + "' is defined on model '"
                    + cube.model() + "' but was given model '" + schema.model().name() + "'");
        }
        Map<String, String> columnsTaken = new HashMap<>();
        for (int i = 0; i < cube.dimensions().size(); i++) {
            dimension(i, columnsTaken);
        }
        for (int i = 0; i < cube.dimensions().size(); i++) {
            DimensionDesc d = cube.dimensions().get(i);
            ResolvedDimension r = dims.get(key(d.name()));
            if (d.derived() && r != null && r.desc() == d) {
                derivedHosts(i, r);
            }
        }
        long stored = cube.dimensions().stream().filter(d -> !d.derived()).count();
        if (stored == 0) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, "dimensions", "a cube needs at least one normal (stored) "
                    + "dimension");
        }
        if (stored > MAX_STORED_DIMENSIONS) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, "dimensions", "the cube has " + stored + " normal (stored) "
                    + "dimensions, but a cuboid id has " + MAX_STORED_DIMENSIONS + " bits: keep at most "
                    + MAX_STORED_DIMENSIONS + ", e.g. by making lookup attributes derived");
        }
        for (int i = 0; i < cube.measures().size(); i++) {
            measure(i);
        }
        rowKey();
        cube.shardBy().ifPresent(s -> storedDimension("shardBy", s));
        GroupValidator groups = new GroupValidator(issues, this::storedDimension);
        for (int g = 0; g < cube.aggregationGroups().size(); g++) {
            groups.validate(g, cube.aggregationGroups().get(g));
        }
        for (int c = 0; c < cube.mandatoryCuboids().size(); c++) {
            groups.dimensionList("mandatoryCuboids[" + c + "]", cube.mandatoryCuboids().get(c));
        }
        List<ResolvedDimension> ordered = cube.dimensions().stream()
                .map(d -> dims.get(key(d.name()))).filter(r -> r != null).distinct().toList();
        return new CubeValidation(issues.list(), ordered, measures);
    }

    private void dimension(int i, Map<String, String> columnsTaken) {
        DimensionDesc d = cube.dimensions().get(i);
        String path = "dimensions[" + i + "]";
        if (dims.containsKey(key(d.name()))) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".name", "dimension '" + d.name()
                    + "' is defined twice; dimension names are unique (ignoring case)");
            return;
        }
        if (schema.table(d.table()).isEmpty()) {
            issues.add(ErrorCode.UNKNOWN_TABLE, path + ".table", "'" + d.table() + "' is not a table of model '"
                    + schema.model().name() + "' (the fact table '" + schema.factAlias() + "' or a joined lookup"
                    + " alias)" + (d.derived() ? "; a derived dimension needs its lookup joined in the model" : ""));
            return;
        }
        Optional<DataType> type = schema.columnType(d.table(), d.column());
        if (type.isEmpty()) {
            issues.add(ErrorCode.UNKNOWN_COLUMN, path + ".column", "table '" + d.table() + "' has no column '"
                    + d.column() + "'");
            return;
        }
        String columnKey = key(d.table()) + "." + key(d.column());
        String taken = columnsTaken.putIfAbsent(columnKey, d.name());
        if (taken != null) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".column", "column " + d.table() + "." + d.column()
                    + " is already dimension '" + taken + "'");
            return;
        }
        boolean fact = schema.isFact(d.table());
        boolean computed = fact && schema.computedColumn(d.column()).isPresent();
        if (d.derived() && fact) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".derived", "only lookup columns can be derived; '"
                    + d.column() + "' is a column of the fact table '" + schema.factAlias() + "'");
            return;
        }
        if (d.derived() && d.encoding().isPresent()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".encoding", "derived dimension '" + d.name()
                    + "' is not stored, so it takes no encoding");
        }
        d.encoding().ifPresent(e -> checkEncoding(path, d, e, type.get()));
        ColumnRef canonical = computed ? ColumnRef.of(schema.factAlias(), schema.computedColumn(d.column())
                .get().desc().name()) : schema.scope().resolve(ColumnRef.of(d.table(), d.column())).canonical();
        ResolvedDimension r = new ResolvedDimension(d, canonical, type.get(), computed, List.of());
        dims.put(key(d.name()), r);
    }

    private void checkEncoding(String path, DimensionDesc d, DimensionEncoding e, DataType type) {
        TypeName n = type.name();
        boolean ok = switch (e.kind()) {
            case DICT -> true;
            case INTEGER -> n.isInteger();
            case DATE -> n == TypeName.DATE;
            case FIXED_LENGTH -> n.isString();
        };
        if (!ok) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".encoding", "encoding '" + e + "' does not fit "
                    + d.table() + "." + d.column() + " of type " + type + " (integer: integer columns, date: DATE, "
                    + "fixed_length: strings, dict: any)");
        }
    }

    /** A derived dimension needs each join key of its lookup as a normal dimension (either side of the pair). */
    private void derivedHosts(int i, ResolvedDimension r) {
        LookupDesc lookup = schema.lookup(r.desc().table()).orElseThrow();
        List<String> hosts = new ArrayList<>();
        for (int k = 0; k < lookup.foreignKey().size(); k++) {
            Optional<String> host = storedOn(lookup.joinFrom(), lookup.foreignKey().get(k));
            if (host.isEmpty()) {
                host = storedOn(lookup.alias(), lookup.primaryKey().get(k));
            }
            if (host.isEmpty()) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, "dimensions[" + i + "].derived", "derived dimension '"
                        + r.name() + "' is looked up through lookup '" + lookup.alias() + "''s join key, so "
                        + lookup.joinFrom() + "." + lookup.foreignKey().get(k) + " (or " + lookup.alias() + "."
                        + lookup.primaryKey().get(k) + ") must be a normal dimension of the cube; add it");
                return;
            }
            hosts.add(host.get());
        }
        dims.put(key(r.name()), new ResolvedDimension(r.desc(), r.column(), r.type(), false, hosts));
    }

    private Optional<String> storedOn(String alias, String column) {
        for (ResolvedDimension d : dims.values()) {
            if (!d.desc().derived() && d.desc().table().equalsIgnoreCase(alias)
                    && d.desc().column().equalsIgnoreCase(column)) {
                return Optional.of(d.name());
            }
        }
        return Optional.empty();
    }

    private void measure(int i) {
        MeasureDesc m = cube.measures().get(i);
        String path = "measures[" + i + "]";
        boolean clash = cube.measures().subList(0, i).stream().anyMatch(o -> o.name().equalsIgnoreCase(m.name()));
        if (clash || dims.containsKey(key(m.name())) || cube.dimension(m.name()).isPresent()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".name", "name '" + m.name() + "' is already used by "
                    + (clash ? "another measure" : "a dimension") + "; measure and dimension names are unique");
            return;
        }
        if (m.argument().isEmpty()) {
            if (m.function() != MeasureFunction.COUNT) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".argument", m.function()
                        + " needs an argument (only COUNT may have none, meaning COUNT(*))");
                return;
            }
            measures.add(new ResolvedMeasure(m, Optional.empty(), checkedReturn(path, m, DataType.BIGINT)));
            return;
        }
        boolean plainColumn = m.argument().get() instanceof ColumnRef;
        if (!plainColumn && (m.function() == MeasureFunction.COUNT_DISTINCT || m.function() == MeasureFunction.COUNT)) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path + ".argument", m.function() + " takes a column, not an "
                    + "expression; define a computed column for '" + m.argument().get() + "'");
            return;
        }
        CompiledExpr arg;
        try {
            arg = ExprCompiler.compile(m.argument().get(), this::resolveFactColumn);
        } catch (HaechiException e) {
            issues.add(path + ".argument", e);
            return;
        }
        DataType result = MeasureTypeRules.resultOf(m.function(), arg.type());
        if (result == null) {
            issues.add(ErrorCode.INVALID_TYPE, path + ".argument", MeasureTypeRules.allowed(m.function()) + ", but '"
                    + m.argument().get() + "' is " + arg.type());
            return;
        }
        measures.add(new ResolvedMeasure(m, Optional.of(arg), checkedReturn(path, m, result)));
    }

    private DataType checkedReturn(String path, MeasureDesc m, DataType inferred) {
        if (m.returnType().isEmpty()) {
            return inferred;
        }
        if (!MeasureTypeRules.accepts(m.returnType().get(), inferred)) {
            issues.add(ErrorCode.INVALID_TYPE, path + ".returnType", m.function() + "("
                    + m.argument().map(Object::toString).orElse("*") + ") returns " + inferred + ", not "
                    + m.returnType().get());
            return inferred;
        }
        return m.returnType().get();
    }

    /** Measures aggregate fact columns (and computed ones); a lookup column gets a message that says so. */
    private ResolvedColumn resolveFactColumn(ColumnRef ref) {
        ColumnScope fact = schema.factScope();
        try {
            return fact.resolve(ref);
        } catch (HaechiException e) {
            ResolvedColumn elsewhere;
            try {
                elsewhere = schema.scope().resolve(ref);
            } catch (HaechiException ignored) {
                throw e;
            }
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "measures aggregate fact-table columns, but '"
                    + ref + "' is a column of lookup '" + elsewhere.canonical().table().orElseThrow() + "'");
        }
    }

    private void rowKey() {
        if (cube.rowKey().isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < cube.rowKey().size(); i++) {
            String name = cube.rowKey().get(i);
            Integer before = seen.putIfAbsent(key(name), i);
            if (before != null) {
                issues.add(ErrorCode.INVALID_DESCRIPTOR, "rowKey[" + i + "]", "dimension '" + name
                        + "' is already at rowKey[" + before + "]");
                continue;
            }
            storedDimension("rowKey[" + i + "]", name);
        }
        // Only dimensions that resolved: a broken one is reported where it is defined.
        List<String> missing = cube.dimensions().stream()
                .filter(d -> !d.derived() && dims.get(key(d.name())) != null && dims.get(key(d.name())).desc() == d)
                .map(DimensionDesc::name).filter(n -> !seen.containsKey(key(n))).toList();
        if (!missing.isEmpty()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, "rowKey", "the row key lists every normal dimension, but "
                    + missing + (missing.size() == 1 ? " is" : " are") + " missing");
        }
    }

    /** Checks that {@code name} is a stored dimension; reports at {@code path} and returns false otherwise. */
    boolean storedDimension(String path, String name) {
        Optional<DimensionDesc> d = cube.dimension(name);
        if (d.isEmpty()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path, "unknown dimension '" + name + "'");
            return false;
        }
        if (d.get().derived()) {
            issues.add(ErrorCode.INVALID_DESCRIPTOR, path, "'" + name + "' is a derived dimension; derived "
                    + "dimensions are not stored, so they cannot be in the row key, an aggregation group, a mandatory"
                    + " cuboid or shardBy (use its host dimension instead)");
            return false;
        }
        return true;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
