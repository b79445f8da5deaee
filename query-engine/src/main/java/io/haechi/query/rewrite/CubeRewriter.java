package io.haechi.query.rewrite;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.query.exec.ScanServices;
import io.haechi.query.meta.ProjectSnapshot;
import io.haechi.query.schema.SourceTable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.plan.hep.HepMatchOrder;
import org.apache.calcite.plan.hep.HepPlanner;
import org.apache.calcite.plan.hep.HepProgramBuilder;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.rules.AggregateReduceFunctionsRule;
import org.apache.calcite.sql.SqlKind;

/**
 * Runs the cube pre-pass over a statement's logical plan: AVG becomes SUM/COUNT, then every aggregate over a star
 * join that a cube can answer becomes a {@link CubeScan}. A fact table still read row by row afterwards is a miss:
 * an error naming the reasons, or with push-down allowed, left to Calcite over the raw source.
 */
public final class CubeRewriter {
    /** What to do when no cube can answer a query over a fact table. */
    public enum OnNoRealization {
        ERROR, PUSHDOWN
    }

    private final ScanServices services;
    private final Function<String, ProjectSnapshot> snapshots;
    private final OnNoRealization policy;

    public CubeRewriter(ScanServices services, Function<String, ProjectSnapshot> snapshots,
            OnNoRealization policy) {
        this.services = services;
        this.snapshots = snapshots;
        this.policy = policy;
    }

    public RelNode rewrite(RelNode rel) {
        CubeRule rule = new CubeRule(services, snapshots);
        HepProgramBuilder program = new HepProgramBuilder().addMatchOrder(HepMatchOrder.BOTTOM_UP)
                .addRuleInstance(AggregateReduceFunctionsRule.Config.DEFAULT
                        .withOperandFor(org.apache.calcite.rel.logical.LogicalAggregate.class)
                        .withFunctionsToReduce(java.util.EnumSet.of(SqlKind.AVG)).toRule())
                .addRuleInstance(rule);
        HepPlanner hep = new HepPlanner(program.build());
        hep.setRoot(rel);
        RelNode out = hep.findBestExp();
        List<String> rawFacts = new ArrayList<>();
        out.accept(new RelShuttleImpl() {
            @Override
            public RelNode visit(TableScan scan) {
                SourceTable t = scan.getTable().unwrap(SourceTable.class);
                if (t != null && t.project().isFactTable(t.table().name())) {
                    rawFacts.add(t.table().name());
                }
                return scan;
            }
        });
        if (!rawFacts.isEmpty() && policy == OnNoRealization.ERROR) {
            List<String> reasons = rule.reasons().isEmpty()
                    ? List.of("the query reads " + rawFacts.get(0) + " rows without aggregating them")
                    : rule.reasons();
            throw new HaechiException(ErrorCode.NO_REALIZATION, "no cube can answer this query: "
                    + String.join("; ", reasons));
        }
        if (!rawFacts.isEmpty()) {
            List<String> reasons = rule.reasons();
            return out.accept(new RelShuttleImpl() {
                @Override
                public RelNode visit(TableScan scan) {
                    SourceTable t = scan.getTable().unwrap(SourceTable.class);
                    if (t != null && t.project().isFactTable(t.table().name())) {
                        return new PushdownScan(scan.getCluster(), scan.getTable(), reasons);
                    }
                    return scan;
                }
            });
        }
        return out;
    }

}
