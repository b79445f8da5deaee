package io.haechi.query.rewrite;

import io.haechi.model.star.JoinType;
import io.haechi.model.star.LookupDesc;
import io.haechi.model.star.StarSchema;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rex.RexNode;

/**
 * A {@link StarTree} laid over one model: which model alias each scan is, the join equalities consumed, and the
 * conditions left over as filters. Query INNER joins on a LEFT model are noted in {@link #innerOnLeft} (their
 * answers agree only when every foreign key found its lookup row, which each cube checks against its segments); a
 * query LEFT join on an INNER model is refused.
 */
final class StarMatch {
    final StarSchema model;
    final StarTree tree;
    final String[] aliases;
    final List<RexNode> filters = new ArrayList<>();
    /** Lookup primary-key base column to the foreign-key base column it was joined with. */
    final Map<Integer, Integer> primaryToForeign = new HashMap<>();
    /** Lookups the query joins INNER that the model joins LEFT: answerable when no fact row missed them. */
    final List<String> innerOnLeft = new ArrayList<>();

    private StarMatch(StarSchema model, StarTree tree) {
        this.model = model;
        this.tree = tree;
        this.aliases = new String[tree.scans.size()];
    }

    static StarMatch of(StarSchema model, StarTree tree) {
        StarMatch m = new StarMatch(model, tree);
        m.assign();
        return m;
    }

    /** The model alias and column of a base column, e.g. {@code customer.c_region}. */
    String aliasOf(int baseColumn) {
        return aliases[tree.scanOf(baseColumn)];
    }

    String columnOf(int baseColumn) {
        StarTree.Scan s = tree.scans.get(tree.scanOf(baseColumn));
        return s.table().columnNames().get(baseColumn - s.offset());
    }

    private void assign() {
        String fact = model.factTable().name();
        int factScan = -1;
        for (int i = 0; i < tree.scans.size(); i++) {
            if (tree.scans.get(i).table().table().name().equalsIgnoreCase(fact)) {
                if (factScan >= 0) {
                    throw new Bail("the fact table " + fact + " is read twice");
                }
                factScan = i;
            }
        }
        if (factScan < 0) {
            throw new Bail("no fact table " + fact);
        }
        aliases[factScan] = model.factAlias();
        // Candidate join equalities: INNER ones among the conjuncts, LEFT ones from the ON clauses.
        List<StarTree.Edge> edges = new ArrayList<>(tree.leftEdges);
        List<RexNode> rest = new ArrayList<>();
        Map<StarTree.Edge, RexNode> innerSource = new HashMap<>();
        for (RexNode c : tree.conjuncts) {
            int[] eq = Conditions.columnEquality(c);
            if (eq != null && tree.scanOf(eq[0]) != tree.scanOf(eq[1])) {
                StarTree.Edge e = new StarTree.Edge(eq[0], eq[1], JoinRelType.INNER);
                edges.add(e);
                innerSource.put(e, c);
            } else {
                rest.add(c);
            }
        }
        Set<StarTree.Edge> used = new HashSet<>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (LookupDesc l : model.model().lookups()) {
                if (assigned(l.alias()) || !assigned(l.joinFrom())) {
                    continue;
                }
                int from = scanOfAlias(l.joinFrom());
                for (int s = 0; s < aliases.length; s++) {
                    if (aliases[s] != null
                            || !tree.scans.get(s).table().table().name().equalsIgnoreCase(l.table())) {
                        continue;
                    }
                    List<StarTree.Edge> keyEdges = keyEdges(l, from, s, edges);
                    if (keyEdges != null) {
                        aliases[s] = l.alias();
                        used.addAll(keyEdges);
                        checkJoinType(l, s, keyEdges);
                        progress = true;
                        break;
                    }
                }
            }
        }
        for (int s = 0; s < aliases.length; s++) {
            if (aliases[s] == null) {
                throw new Bail("table " + tree.scans.get(s).table().table().name() + " is joined in a way model "
                        + model.model().name() + " does not declare");
            }
        }
        for (StarTree.Edge e : edges) {
            if (!used.contains(e)) {
                if (e.type() == JoinRelType.LEFT) {
                    throw new Bail("LEFT join on " + aliasOf(e.left()) + "." + columnOf(e.left()) + " = "
                            + aliasOf(e.right()) + "." + columnOf(e.right()) + " is not a join of the model");
                }
                rest.add(innerSource.get(e));
            }
        }
        filters.addAll(rest);
    }

    private void checkJoinType(LookupDesc l, int scan, List<StarTree.Edge> keyEdges) {
        boolean queryLeft = tree.leftJoinedScans.contains(scan)
                && keyEdges.stream().allMatch(e -> e.type() == JoinRelType.LEFT);
        if (queryLeft && l.joinType() == JoinType.INNER) {
            throw new Bail("LEFT join of " + l.alias() + " on a model that joins it INNER (the build dropped fact rows "
                    + "without a " + l.alias() + " row)");
        }
        if (!queryLeft && l.joinType() == JoinType.LEFT) {
            innerOnLeft.add(l.alias());
        }
    }

    /** The equalities pairing {@code l}'s foreign key on scan {@code from} with its primary key on scan {@code to}. */
    private List<StarTree.Edge> keyEdges(LookupDesc l, int from, int to, List<StarTree.Edge> edges) {
        List<StarTree.Edge> out = new ArrayList<>();
        for (int k = 0; k < l.foreignKey().size(); k++) {
            int fk = column(from, l.foreignKey().get(k));
            int pk = column(to, l.primaryKey().get(k));
            if (fk < 0 || pk < 0) {
                return null;
            }
            StarTree.Edge found = null;
            for (StarTree.Edge e : edges) {
                if ((e.left() == fk && e.right() == pk) || (e.left() == pk && e.right() == fk)) {
                    found = e;
                    break;
                }
            }
            if (found == null) {
                return null;
            }
            out.add(found);
        }
        for (int k = 0; k < l.foreignKey().size(); k++) {
            primaryToForeign.put(column(to, l.primaryKey().get(k)), column(from, l.foreignKey().get(k)));
        }
        return out;
    }

    private int column(int scan, String name) {
        StarTree.Scan s = tree.scans.get(scan);
        List<String> names = s.table().columnNames();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return s.offset() + i;
            }
        }
        return -1;
    }

    private boolean assigned(String alias) {
        for (String a : aliases) {
            if (a != null && a.equalsIgnoreCase(alias)) {
                return true;
            }
        }
        return false;
    }

    private int scanOfAlias(String alias) {
        for (int i = 0; i < aliases.length; i++) {
            if (aliases[i] != null && aliases[i].equalsIgnoreCase(alias)) {
                return i;
            }
        }
        return -1;
    }

    static String key(String alias, String column) {
        return (alias + "." + column).toLowerCase(Locale.ROOT);
    }
}
