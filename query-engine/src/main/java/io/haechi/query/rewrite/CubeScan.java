package io.haechi.query.rewrite;

import static java.util.Objects.requireNonNull;

import io.haechi.query.exec.CubeScanExecutor;
import io.haechi.query.exec.CubeScanSpec;
import io.haechi.query.exec.Pred;
import io.haechi.query.exec.ScanColumn;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;

/**
 * The leaf that replaces an aggregate over the star join: reads one cuboid of one cube from every READY segment.
 * EXPLAIN shows the cube, the cuboid's dimensions, the key-range and region-side conditions, the rest of the filter,
 * the groups and measures, the segments and the estimated rows. The executor is stashed rather than inlined, so the
 * generated code is the same for every literal and Calcite's compiled-code cache hits.
 */
public final class CubeScan extends AbstractRelNode implements EnumerableRel {
    private final CubeScanExecutor executor;
    private final int segments;
    private final List<String> assumptions;

    CubeScan(RelOptCluster cluster, RelDataType rowType, CubeScanExecutor executor, int segments,
            List<String> assumptions) {
        super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
        this.rowType = requireNonNull(rowType, "rowType is null");
        this.executor = requireNonNull(executor, "executor is null");
        this.segments = segments;
        this.assumptions = List.copyOf(assumptions);
    }

    public CubeScanSpec spec() {
        return executor.spec();
    }

    @Override
    protected RelDataType deriveRowType() {
        return rowType;
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        CubeScanSpec s = executor.spec();
        List<String> rowKey = s.rowKey();
        int n = rowKey.size();
        List<String> cuboidDims = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            if ((s.cuboid() & (1L << (n - 1 - i))) != 0) {
                cuboidDims.add(rowKey.get(i));
            }
        }
        pw.item("cube", s.cube())
                .item("cuboid", cuboidDims)
                .itemIf("keyRanges", render(leading(s, cuboidDims)), !leading(s, cuboidDims).isEmpty())
                .itemIf("residual", render(s.pushed()), !s.pushed().isEmpty())
                .itemIf("postFilter", render(s.post()), !s.post().isEmpty())
                .item("groups", s.groups().stream().map(g -> s.columns().get(g).toString()).toList())
                .item("measures", s.measures())
                .item("segments", segments)
                .item("estimatedRows", s.estimatedRows())
                .itemIf("assumes", assumptions, !assumptions.isEmpty());
        return pw;
    }

    /** The pushed conditions on the cuboid's leading dimensions: the key ranges. */
    private static List<Pred> leading(CubeScanSpec s, List<String> cuboidDims) {
        List<Pred> out = new java.util.ArrayList<>();
        for (String dim : cuboidDims) {
            List<Pred> on = s.pushed().stream().filter(p -> s.columns().get(p.singleColumn()) instanceof
                    ScanColumn.Stored st && st.name().equalsIgnoreCase(dim)).toList();
            if (on.isEmpty()) {
                break;
            }
            out.addAll(on);
        }
        return out;
    }

    private String render(List<Pred> preds) {
        CubeScanSpec s = executor.spec();
        return preds.stream().map(p -> {
            String text = p.toString();
            for (int i = s.columns().size() - 1; i >= 0; i--) {
                text = text.replace("$" + i, s.columns().get(i).name());
            }
            return text;
        }).collect(Collectors.joining(" AND "));
    }

    @Override
    public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
        return planner.getCostFactory().makeCost(Math.max(1, executor.spec().estimatedRows()) * 1e-3, 0, 0);
    }

    @Override
    public double estimateRowCount(RelMetadataQuery mq) {
        return Math.max(1, executor.spec().estimatedRows());
    }

    @Override
    public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
        return StashedCall.implement(implementor, getRowType(), executor, CubeScanExecutor.class, "execute",
                "executeScalar");
    }

}
