package io.haechi.query.rewrite;

import io.haechi.query.schema.SourceTable;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;

/**
 * A join tree of Haechi tables flattened: its scans side by side (the "base" row: every scan's columns, in scan
 * order), each output field and each condition as an expression over the base row, and which scans sit on the
 * right of a LEFT join with that join's key equalities.
 */
final class StarTree {
    /** One table scan and where its columns start in the base row. */
    record Scan(SourceTable table, int offset) {
        int width() {
            return table.columnNames().size();
        }
    }

    /** An equality of two base columns that joins two scans. */
    record Edge(int left, int right, JoinRelType type) {
    }

    final List<Scan> scans = new ArrayList<>();
    final List<RexNode> outputs = new ArrayList<>();
    final List<RexNode> conjuncts = new ArrayList<>();
    final List<Edge> leftEdges = new ArrayList<>();
    final java.util.Set<Integer> leftJoinedScans = new java.util.HashSet<>();
    int width;

    /** The scan a base column belongs to. */
    int scanOf(int baseColumn) {
        for (int i = 0; i < scans.size(); i++) {
            Scan s = scans.get(i);
            if (baseColumn >= s.offset() && baseColumn < s.offset() + s.width()) {
                return i;
            }
        }
        throw new IllegalArgumentException("no scan holds base column " + baseColumn);
    }

    /** Flattens {@code rel}; anything but Project, Filter, INNER/LEFT Join and table scans bails. */
    static StarTree of(RelNode rel, RexBuilder rex) {
        RelNode node = rel.stripped();
        if (node instanceof TableScan scan) {
            SourceTable t = scan.getTable().unwrap(SourceTable.class);
            if (t == null) {
                throw new Bail("reads " + scan.getTable().getQualifiedName() + ", which is not a Haechi table");
            }
            StarTree tree = new StarTree();
            tree.scans.add(new Scan(t, 0));
            tree.width = t.columnNames().size();
            for (int i = 0; i < tree.width; i++) {
                tree.outputs.add(new RexInputRef(i, scan.getRowType().getFieldList().get(i).getType()));
            }
            return tree;
        }
        if (node instanceof Project project) {
            StarTree in = of(project.getInput(), rex);
            List<RexNode> out = new ArrayList<>();
            for (RexNode e : project.getProjects()) {
                out.add(in.substitute(e));
            }
            in.outputs.clear();
            in.outputs.addAll(out);
            return in;
        }
        if (node instanceof Filter filter) {
            StarTree in = of(filter.getInput(), rex);
            in.conjuncts.addAll(RelOptUtil.conjunctions(in.substitute(filter.getCondition())));
            return in;
        }
        if (node instanceof Join join) {
            JoinRelType type = join.getJoinType();
            if (type != JoinRelType.INNER && type != JoinRelType.LEFT) {
                throw new Bail(type + " join is not a star join");
            }
            StarTree left = of(join.getLeft(), rex);
            StarTree right = of(join.getRight(), rex);
            StarTree tree = new StarTree();
            tree.scans.addAll(left.scans);
            for (Scan s : right.scans) {
                tree.scans.add(new Scan(s.table(), s.offset() + left.width));
            }
            tree.width = left.width + right.width;
            tree.outputs.addAll(left.outputs);
            RexShuttle shift = shift(left.width);
            for (RexNode e : right.outputs) {
                tree.outputs.add(e.accept(shift));
            }
            tree.conjuncts.addAll(left.conjuncts);
            tree.leftEdges.addAll(left.leftEdges);
            tree.leftJoinedScans.addAll(left.leftJoinedScans);
            for (RexNode c : right.conjuncts) {
                if (type == JoinRelType.LEFT) {
                    throw new Bail("a filter inside the right side of a LEFT join");
                }
                tree.conjuncts.add(c.accept(shift));
            }
            for (Edge e : right.leftEdges) {
                tree.leftEdges.add(new Edge(e.left() + left.width, e.right() + left.width, e.type()));
            }
            right.leftJoinedScans.forEach(i -> tree.leftJoinedScans.add(i + left.scans.size()));
            List<RexNode> on = RelOptUtil.conjunctions(tree.substitute(join.getCondition()));
            if (type == JoinRelType.INNER) {
                tree.conjuncts.addAll(on);
            } else {
                for (RexNode c : on) {
                    int[] eq = Conditions.columnEquality(c);
                    if (eq == null) {
                        throw new Bail("LEFT join condition " + c + " is not an equality of columns");
                    }
                    tree.leftEdges.add(new Edge(eq[0], eq[1], JoinRelType.LEFT));
                }
                for (int i = 0; i < right.scans.size(); i++) {
                    tree.leftJoinedScans.add(left.scans.size() + i);
                }
            }
            return tree;
        }
        throw new Bail(node.getRelTypeName() + " under the aggregate is not a star join");
    }

    /** {@code e} over this tree's outputs, rewritten over the base row. */
    RexNode substitute(RexNode e) {
        return e.accept(new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return outputs.get(ref.getIndex());
            }
        });
    }

    private static RexShuttle shift(int by) {
        return new RexShuttle() {
            @Override
            public RexNode visitInputRef(RexInputRef ref) {
                return new RexInputRef(ref.getIndex() + by, ref.getType());
            }
        };
    }
}
