package io.haechi.query.rewrite;

import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.cube.ResolvedMeasure;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.StarSchema;
import io.haechi.query.exec.CubeScanSpec;
import io.haechi.query.exec.Pred;
import io.haechi.query.exec.ScanColumn;
import io.haechi.query.exec.SegmentCodec;
import io.haechi.query.meta.CubeView;
import io.haechi.query.schema.SqlTypes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Maps an aggregate over a matched star join onto one cube: group keys and filter columns to dimensions (stored or
 * derived), aggregate calls to measures, the filter to pushed and post conditions, and picks the cuboid with the
 * fewest estimated rows to read. Bails with the reason when the cube cannot answer.
 */
final class CubeMatcher {
    private final StarMatch match;
    private final CubeView cube;
    private final Aggregate aggregate;
    private final RexBuilder rex;
    private final Function<CubeView, SegmentCodec> firstSegment;
    private final Map<String, ResolvedDimension> dimensions = new HashMap<>();
    private final List<ScanColumn> columns = new ArrayList<>();
    private final Map<String, Integer> slots = new HashMap<>();

    CubeMatcher(StarMatch match, CubeView cube, Aggregate aggregate, RexBuilder rex,
            Function<CubeView, SegmentCodec> firstSegment) {
        this.match = match;
        this.cube = cube;
        this.aggregate = aggregate;
        this.rex = rex;
        this.firstSegment = firstSegment;
        for (ResolvedDimension d : cube.cube().dimensions()) {
            dimensions.put(Canon.column(d.desc().table(), d.desc().column()), d);
        }
    }

    CubeCandidate match(String project) {
        if (aggregate.getGroupType() != Aggregate.Group.SIMPLE) {
            throw new Bail("GROUPING SETS, ROLLUP and CUBE are not answered from cuboids yet");
        }
        StarTree tree = match.tree;
        List<Integer> groups = new ArrayList<>();
        for (int i : aggregate.getGroupSet()) {
            RexNode e = Conditions.stripCast(tree.outputs.get(i));
            if (!(e instanceof RexInputRef ref)) {
                throw new Bail("group by the expression " + tree.outputs.get(i) + " (only dimension columns)");
            }
            groups.add(slot(ref.getIndex(), "group by"));
        }
        PredicateBuilder preds = new PredicateBuilder(rex, base -> slot(base, "filter on"),
                slot -> columns.get(slot).type());
        List<Pred> pushed = new ArrayList<>();
        List<Pred> post = new ArrayList<>();
        for (RexNode c : match.filters) {
            Pred p = preds.build(c);
            if (p.singleColumn() >= 0 && columns.get(p.singleColumn()) instanceof ScanColumn.Stored) {
                pushed.add(p);
            } else {
                post.add(p);
            }
        }
        Map<Integer, Integer> measureFields = new LinkedHashMap<>();
        List<CubeCandidate.CallPlan> calls = new ArrayList<>();
        for (AggregateCall call : aggregate.getAggCallList()) {
            calls.add(plan(call, measureFields));
        }
        List<Integer> measures = new ArrayList<>(measureFields.keySet());

        CubeScanSpec probe = new CubeScanSpec(project, cube.name(), cube.cube().layout().dimensions(), 0, columns,
                groups, pushed, post, measures, 0);
        long needed = probe.scanGroupBy(pos -> cube.cube().layout().bit(cube.cube().layout().dimensions().get(pos)));
        for (Pred p : pushed) {
            ScanColumn.Stored s = (ScanColumn.Stored) columns.get(p.singleColumn());
            needed |= cube.cube().layout().bit(s.name());
        }
        CuboidChooser.Choice choice = new CuboidChooser(cube, firstSegment).choose(needed, pushed, columns);
        CubeScanSpec spec = new CubeScanSpec(project, cube.name(), cube.cube().layout().dimensions(),
                choice.cuboid(), columns, groups, pushed, post, measures, (long) choice.cost());

        RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
        List<RelDataType> outputTypes = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            outputTypes.add(aggregate.getRowType().getFieldList().get(i).getType());
        }
        for (int m : measures) {
            outputTypes.add(SqlTypes.of(types, cube.cube().measures().get(m).returnType(), true));
        }
        return new CubeCandidate(spec, outputTypes, calls, choice.cost(), joinAssumptions());
    }

    /**
     * An INNER join of a lookup the model joins LEFT drops the fact rows without a lookup row, which the cube kept:
     * answerable only when the build found none. Segments built before the misses were recorded are assumed complete,
     * and EXPLAIN says so.
     */
    private List<String> joinAssumptions() {
        List<String> out = new ArrayList<>();
        for (String alias : match.innerOnLeft) {
            long misses = 0;
            List<String> unknown = new ArrayList<>();
            for (var segment : cube.segments()) {
                Long n = segment.leftJoinMisses().get(alias);
                if (n == null) {
                    unknown.add(segment.name());
                } else {
                    misses += n;
                }
            }
            if (misses > 0) {
                throw new Bail("INNER join of " + alias + ", but " + misses + " fact rows of the built segments have no "
                        + alias + " row: cube " + cube.name() + " keeps them (the model joins " + alias + " LEFT) and "
                        + "an INNER join would drop them; join " + alias + " LEFT");
            }
            if (!unknown.isEmpty()) {
                out.add("INNER join of " + alias + " on a LEFT model: assumes every foreign key finds its row "
                        + "(not recorded for segments " + unknown + ")");
            }
        }
        return out;
    }

    /** The scan column of a base column, created on first use. */
    private int slot(int base, String use) {
        int column = base;
        String alias = match.aliasOf(column);
        String name = match.columnOf(column);
        ResolvedDimension d = dimensions.get(Canon.column(alias, name));
        if (d == null && match.primaryToForeign.containsKey(column)) {
            column = match.primaryToForeign.get(column);
            d = dimensions.get(Canon.column(match.aliasOf(column), match.columnOf(column)));
        }
        if (d == null) {
            throw new Bail(use + " " + alias + "." + name + ", which is not a dimension of cube " + cube.name());
        }
        String key = d.name().toLowerCase(java.util.Locale.ROOT);
        Integer existing = slots.get(key);
        if (existing != null) {
            return existing;
        }
        ScanColumn c;
        ResolvedDimension dim = d;
        if (!d.desc().derived()) {
            c = new ScanColumn.Stored(d.name(), cube.cube().layout().position(d.name()), d.type());
        } else {
            StarSchema model = cube.cube().schema();
            LookupDesc lookup = model.lookup(d.desc().table()).orElseThrow(
                    () -> new Bail("derived dimension " + dim.name() + " has no lookup " + dim.desc().table()));
            List<Integer> hosts = d.hostDimensions().stream().map(h -> cube.cube().layout().position(h)).toList();
            c = new ScanColumn.Derived(d.name(), lookup.table(), lookup.primaryKey(), d.desc().column(), hosts,
                    d.type());
        }
        columns.add(c);
        slots.put(key, columns.size() - 1);
        return columns.size() - 1;
    }

    private CubeCandidate.CallPlan plan(AggregateCall call, Map<Integer, Integer> fields) {
        if (call.filterArg >= 0) {
            throw new Bail("aggregate " + call + " has a FILTER clause");
        }
        SqlKind kind = call.getAggregation().getKind();
        List<ResolvedMeasure> ms = cube.cube().measures();
        if (kind == SqlKind.COUNT && !call.isDistinct()) {
            boolean star = call.getArgList().isEmpty() || call.getArgList().stream()
                    .allMatch(a -> !match.tree.outputs.get(a).getType().isNullable());
            if (!star) {
                String arg = argument(call);
                int m = find("COUNT", arg);
                if (m < 0) {
                    throw new Bail("COUNT(" + arg + ") has no COUNT measure in cube " + cube.name());
                }
                return single(fields, m, true);
            }
            for (int m = 0; m < ms.size(); m++) {
                if (ms.get(m).desc().isCountStar()) {
                    return single(fields, m, true);
                }
            }
            throw new Bail("COUNT(*) needs a COUNT measure in cube " + cube.name());
        }
        if (kind == SqlKind.COUNT && call.isDistinct()) {
            String arg = argument(call);
            int m = find("COUNT_DISTINCT", arg);
            if (m < 0) {
                throw new Bail("COUNT(DISTINCT " + arg + ") has no COUNT_DISTINCT measure in cube " + cube.name());
            }
            return single(fields, m, true);
        }
        if (call.isDistinct() && kind != SqlKind.MIN && kind != SqlKind.MAX) {
            throw new Bail(call.getAggregation().getName() + "(DISTINCT ...) is not a cube measure");
        }
        String function = switch (kind) {
            case SUM, SUM0 -> "SUM";
            case MIN -> "MIN";
            case MAX -> "MAX";
            default -> throw new Bail("aggregate " + call.getAggregation().getName() + " is not answered from "
                    + "cuboids");
        };
        String arg = argument(call);
        int m = find(function, arg);
        if (m >= 0) {
            return single(fields, m, kind == SqlKind.SUM0);
        }
        if (function.equals("SUM")) {
            // SUM(a - b) = SUM(a) - SUM(b) when no argument can be NULL (SSB's Q4 in its paper form).
            RexNode e = match.tree.outputs.get(call.getArgList().get(0));
            List<int[]> terms = new ArrayList<>();
            if (linear(e, 1, terms, fields)) {
                return new CubeCandidate.CallPlan(terms, kind == SqlKind.SUM0);
            }
        }
        throw new Bail(function + "(" + arg + ") has no measure in cube " + cube.name());
    }

    private boolean linear(RexNode e, int sign, List<int[]> terms, Map<Integer, Integer> fields) {
        RexNode s = Conditions.stripCast(e);
        if (s.getType().isNullable()) {
            return false;
        }
        if (s instanceof RexCall call && (s.getKind() == SqlKind.PLUS || s.getKind() == SqlKind.MINUS)) {
            return linear(call.getOperands().get(0), sign, terms, fields)
                    && linear(call.getOperands().get(1), s.getKind() == SqlKind.MINUS ? -sign : sign, terms, fields);
        }
        String text = Canon.of(s, this::columnText);
        int m = text == null ? -1 : find("SUM", text);
        if (m < 0) {
            return false;
        }
        terms.add(new int[] {field(fields, m), sign});
        return true;
    }

    private CubeCandidate.CallPlan single(Map<Integer, Integer> fields, int measure, boolean zeroIfNull) {
        List<int[]> terms = new ArrayList<>();
        terms.add(new int[] {field(fields, measure), 1});
        return new CubeCandidate.CallPlan(terms, zeroIfNull);
    }

    private static int field(Map<Integer, Integer> fields, int measure) {
        return fields.computeIfAbsent(measure, k -> fields.size());
    }

    private int find(String function, String argument) {
        List<ResolvedMeasure> ms = cube.cube().measures();
        for (int m = 0; m < ms.size(); m++) {
            var d = ms.get(m).desc();
            if (d.function().name().equals(function) && d.argument().isPresent()
                    && argument.equals(Canon.of(d.argument().get(), cube.cube().schema()))) {
                return m;
            }
        }
        return -1;
    }

    private String argument(AggregateCall call) {
        if (call.getArgList().size() != 1) {
            throw new Bail("aggregate " + call + " takes " + call.getArgList().size() + " arguments");
        }
        RexNode e = match.tree.outputs.get(call.getArgList().get(0));
        String text = Canon.of(e, this::columnText);
        if (text == null) {
            throw new Bail("aggregate over " + e + ", which is not arithmetic over model columns");
        }
        return text;
    }

    /** The canonical text of a base column: {@code alias.column}, a computed column expanded. */
    private String columnText(int base) {
        String alias = match.aliasOf(base);
        StarTree.Scan scan = match.tree.scans.get(match.tree.scanOf(base));
        var computed = scan.table().computedAt(base - scan.offset());
        if (computed != null) {
            return Canon.of(computed.desc().expression(), cube.cube().schema());
        }
        return Canon.column(alias, match.columnOf(base));
    }

}
