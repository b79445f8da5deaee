package io.haechi.query.rewrite;

import static java.util.Objects.requireNonNull;

import io.haechi.query.exec.CubeScanExecutor;
import io.haechi.query.exec.ScanServices;
import io.haechi.query.meta.CubeView;
import io.haechi.query.meta.ProjectSnapshot;
import io.haechi.query.schema.SourceTable;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.tools.RelBuilder;

/**
 * The Hep pre-pass rule (calcite-avatica.md approach (c)): an {@code Aggregate} over a star join of a model's
 * tables becomes a {@link CubeScan} of the cheapest cuboid of any cube of that model, under a projection that turns
 * measure values into the aggregate's calls. When no cube can answer, the subtree stays and the reasons are kept.
 * One instance per statement being prepared.
 */
public final class CubeRule extends RelOptRule {
    private final ScanServices services;
    private final Function<String, ProjectSnapshot> snapshots;
    private final Set<String> reasons = new LinkedHashSet<>();

    @SuppressWarnings("deprecation")
    public CubeRule(ScanServices services, Function<String, ProjectSnapshot> snapshots) {
        super(operand(Aggregate.class, any()), "HaechiCubeRule");
        this.services = requireNonNull(services, "services is null");
        this.snapshots = requireNonNull(snapshots, "snapshots is null");
    }

    /** Why aggregates over fact tables could not be answered, in the order met. */
    public List<String> reasons() {
        return List.copyOf(reasons);
    }

    @Override
    public void onMatch(RelOptRuleCall call) {
        Aggregate aggregate = call.rel(0);
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        if (!readsFactTable(aggregate.getInput())) {
            return;
        }
        StarTree tree;
        try {
            tree = StarTree.of(aggregate.getInput(), rex);
        } catch (Bail b) {
            reasons.add(b.getMessage());
            return;
        }
        ProjectSnapshot snapshot = snapshots.apply(tree.scans.get(0).table().project().project());
        CubeCandidate best = null;
        CubeView bestCube = null;
        List<String> misses = new ArrayList<>();
        for (StarTree.Scan scan : tree.scans) {
            for (var model : snapshot.modelsWithFact(scan.table().table().name())) {
                StarMatch match;
                try {
                    match = StarMatch.of(model, tree);
                } catch (Bail b) {
                    misses.add("model " + model.model().name() + ": " + b.getMessage());
                    continue;
                }
                List<CubeView> cubes = snapshot.cubes().stream()
                        .filter(c -> c.cube().schema().model().name().equalsIgnoreCase(model.model().name()))
                        .toList();
                if (cubes.isEmpty()) {
                    misses.add("model " + model.model().name() + " has no cube");
                }
                for (CubeView cube : cubes) {
                    try {
                        CubeCandidate c = new CubeMatcher(match, cube, aggregate, rex,
                                v -> services.codec(snapshot.project(), v, v.segments().get(0)))
                                .match(snapshot.project());
                        if (best == null || c.cost() < best.cost()) {
                            best = c;
                            bestCube = cube;
                        }
                    } catch (Bail b) {
                        misses.add("cube " + cube.name() + ": " + b.getMessage());
                    }
                }
            }
        }
        if (best == null) {
            reasons.addAll(misses.isEmpty() ? List.of("no model has this fact table") : misses);
            return;
        }
        call.transformTo(replacement(aggregate, best, bestCube, call.builder()));
    }

    private RelNode replacement(Aggregate aggregate, CubeCandidate c, CubeView cube, RelBuilder builder) {
        RelDataTypeFactory types = aggregate.getCluster().getTypeFactory();
        RexBuilder rex = aggregate.getCluster().getRexBuilder();
        int groups = c.spec().groups().size();
        RelDataTypeFactory.Builder row = types.builder();
        for (int i = 0; i < c.outputTypes().size(); i++) {
            String name = i < groups ? aggregate.getRowType().getFieldNames().get(i) : "$m" + (i - groups);
            row.add(name, c.outputTypes().get(i));
        }
        RelDataType rowType = row.build();
        CubeScan scan = new CubeScan(aggregate.getCluster(), rowType,
                new CubeScanExecutor(c.spec(), c.outputTypes(), services), cube.segments().size(), c.assumptions());
        List<RexNode> exprs = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            exprs.add(RexInputRef.of(i, rowType));
        }
        for (int k = 0; k < c.calls().size(); k++) {
            CubeCandidate.CallPlan plan = c.calls().get(k);
            RelDataType target = aggregate.getRowType().getFieldList().get(groups + k).getType();
            RexNode e = null;
            for (int[] term : plan.terms()) {
                RexNode ref = RexInputRef.of(groups + term[0], rowType);
                if (e == null) {
                    e = term[1] > 0 ? ref : rex.makeCall(SqlStdOperatorTable.UNARY_MINUS, ref);
                } else {
                    e = rex.makeCall(term[1] > 0 ? SqlStdOperatorTable.PLUS : SqlStdOperatorTable.MINUS, e, ref);
                }
            }
            if (plan.zeroIfNull()) {
                e = rex.makeCall(SqlStdOperatorTable.COALESCE, e, rex.makeZeroLiteral(e.getType()));
            }
            if (!e.getType().equals(target)) {
                e = rex.makeAbstractCast(target, e, false);
            }
            exprs.add(e);
        }
        return builder.push(scan).project(exprs, aggregate.getRowType().getFieldNames(), true).build();
    }

    private static boolean readsFactTable(RelNode rel) {
        RelNode node = rel.stripped();
        if (node instanceof TableScan scan) {
            SourceTable t = scan.getTable().unwrap(SourceTable.class);
            return t != null && t.project().isFactTable(t.table().name());
        }
        for (RelNode in : node.getInputs()) {
            if (readsFactTable(in)) {
                return true;
            }
        }
        return false;
    }
}
