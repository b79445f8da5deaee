package io.haechi.model.expr;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.CompiledExpr.Node;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Type-checks an expression against a {@link ColumnScope} and builds its evaluator. Type errors are
 * {@link ErrorCode#INVALID_EXPRESSION} and quote the expression and the offending part; unknown columns keep the
 * scope's code (UNKNOWN_COLUMN, UNKNOWN_TABLE).
 */
public final class ExprCompiler {
    private final String text;
    private final ColumnScope scope;
    private final Map<ColumnRef, Integer> slots = new LinkedHashMap<>();

    private ExprCompiler(Expr root, ColumnScope scope) {
        this.text = root.toString();
        this.scope = scope;
    }

    /** Type-checks and compiles. */
    public static CompiledExpr compile(Expr expr, ColumnScope scope) {
        requireNonNull(expr, "expr is null");
        requireNonNull(scope, "scope is null");
        ExprCompiler compiler = new ExprCompiler(expr, scope);
        Typed root = compiler.typed(expr);
        if (root.type == null) {
            throw compiler.error("cannot infer the type of NULL; write CAST(NULL AS type)");
        }
        return new CompiledExpr(expr, root.type, new ArrayList<>(compiler.slots.keySet()), root.node);
    }

    /** The result type of {@code expr}, checking it. */
    public static DataType typeOf(Expr expr, ColumnScope scope) {
        return compile(expr, scope).type();
    }

    /** A node and its type; a null type is a NULL literal whose type the context decides. */
    record Typed(Node node, DataType type) {
    }

    private Typed typed(Expr e) {
        if (e instanceof ColumnRef c) {
            return column(c);
        }
        if (e instanceof Literal l) {
            Object value = l.value();
            return new Typed(row -> value, l.type());
        }
        if (e instanceof NullLiteral) {
            return new Typed(row -> null, null);
        }
        if (e instanceof UnaryExpr u) {
            return unary(u);
        }
        if (e instanceof BinaryExpr b) {
            return b.op().isArithmetic() ? Arithmetic.compile(b, typed(b.left()), typed(b.right()), this)
                    : b.op().isLogical() ? logical(b) : comparison(b.op(), b.left(), b.right(), b);
        }
        if (e instanceof InExpr in) {
            return in(in);
        }
        if (e instanceof BetweenExpr b) {
            return between(b);
        }
        if (e instanceof IsNullExpr n) {
            Node value = typed(n.value()).node;
            boolean negated = n.negated();
            return new Typed(row -> (value.eval(row) == null) != negated, DataType.BOOLEAN);
        }
        if (e instanceof CaseExpr c) {
            return caseExpr(c);
        }
        return cast((CastExpr) e);
    }

    private Typed column(ColumnRef ref) {
        ResolvedColumn resolved = scope.resolve(ref);
        ColumnRef canonical = resolved.canonical();
        DataType type = resolved.type();
        int slot = slots.computeIfAbsent(canonical, k -> slots.size());
        return new Typed(row -> Values.canonical(row[slot], type, canonical), type);
    }

    private Typed unary(UnaryExpr u) {
        Typed x = typed(u.operand());
        if (u.op() == UnaryOp.NOT) {
            requireBoolean(x, u.operand(), "NOT");
            return new Typed(row -> {
                Object v = x.node.eval(row);
                return v == null ? null : !(Boolean) v;
            }, DataType.BOOLEAN);
        }
        if (x.type != null && !x.type.name().isNumeric()) {
            throw error("unary minus needs a number, but " + u.operand() + " is " + x.type);
        }
        return Arithmetic.negate(x.node, x.type == null ? DataType.BIGINT : x.type, text);
    }

    private Typed logical(BinaryExpr b) {
        Typed l = typed(b.left());
        Typed r = typed(b.right());
        requireBoolean(l, b.left(), b.op().symbol());
        requireBoolean(r, b.right(), b.op().symbol());
        Node ln = l.node;
        Node rn = r.node;
        if (b.op() == BinaryOp.AND) {
            return new Typed(row -> {
                Object x = ln.eval(row);
                if (Boolean.FALSE.equals(x)) {
                    return false;
                }
                Object y = rn.eval(row);
                return Boolean.FALSE.equals(y) ? Boolean.FALSE : x == null || y == null ? null : Boolean.TRUE;
            }, DataType.BOOLEAN);
        }
        return new Typed(row -> {
            Object x = ln.eval(row);
            if (Boolean.TRUE.equals(x)) {
                return true;
            }
            Object y = rn.eval(row);
            return Boolean.TRUE.equals(y) ? Boolean.TRUE : x == null || y == null ? null : Boolean.FALSE;
        }, DataType.BOOLEAN);
    }

    /** Compiles {@code left op right} for a comparison op; {@code whole} names it in errors. */
    private Typed comparison(BinaryOp op, Expr left, Expr right, Expr whole) {
        Node cmp = comparator(left, right, whole);
        return new Typed(row -> {
            Object c = cmp.eval(row);
            if (c == null) {
                return null;
            }
            int i = (Integer) c;
            return switch (op) {
                case EQ -> i == 0;
                case NE -> i != 0;
                case LT -> i < 0;
                case LE -> i <= 0;
                case GT -> i > 0;
                default -> i >= 0;
            };
        }, DataType.BOOLEAN);
    }

    /** A node yielding the sign of {@code compare(left, right)} as an Integer, or null if either is NULL. */
    private Node comparator(Expr left, Expr right, Expr whole) {
        Typed l = typed(dateLiteralFor(left, right));
        Typed r = typed(dateLiteralFor(right, left));
        if (!ExprTypes.comparable(l.type, r.type)) {
            throw error("cannot compare " + l.type + " with " + r.type + " in '" + whole + "'"
                    + (l.type.name().isTemporal() || r.type.name().isTemporal()
                    ? "; write dates as DATE 'yyyy-mm-dd' or CAST the other side" : ""));
        }
        Comparator<Object> order = Comparisons.forTypes(l.type, r.type);
        Node ln = l.node;
        Node rn = r.node;
        return row -> {
            Object x = ln.eval(row);
            if (x == null) {
                return null;
            }
            Object y = rn.eval(row);
            return y == null ? null : Integer.signum(order.compare(x, y));
        };
    }

    /** A string literal compared with a date/time column reads as a DATE literal, as SQL engines allow. */
    private Expr dateLiteralFor(Expr side, Expr other) {
        if (side instanceof Literal l && l.value() instanceof String s && !(other instanceof Literal)) {
            DataType otherType = typeOnly(other);
            if (otherType != null && otherType.name().isTemporal()) {
                try {
                    return Literal.of(LocalDate.parse(s.trim()));
                } catch (DateTimeParseException e) {
                    throw error("'" + s + "' is compared with a " + otherType + " but is not a date yyyy-mm-dd");
                }
            }
        }
        return side;
    }

    private DataType typeOnly(Expr e) {
        Map<ColumnRef, Integer> saved = new LinkedHashMap<>(slots);
        DataType t = typed(e).type;
        slots.clear();
        slots.putAll(saved);
        return t;
    }

    private Typed in(InExpr in) {
        List<Node> tests = new ArrayList<>();
        for (Expr item : in.list()) {
            tests.add(comparator(in.value(), item, in));
        }
        boolean negated = in.negated();
        Node[] items = tests.toArray(new Node[0]);
        return new Typed(row -> {
            boolean sawNull = false;
            for (Node test : items) {
                Object c = test.eval(row);
                if (c == null) {
                    sawNull = true;
                } else if ((Integer) c == 0) {
                    return !negated;
                }
            }
            return sawNull ? null : negated;
        }, DataType.BOOLEAN);
    }

    private Typed between(BetweenExpr b) {
        Node low = comparator(b.value(), b.low(), b);
        Node high = comparator(b.value(), b.high(), b);
        boolean negated = b.negated();
        return new Typed(row -> {
            Object lo = low.eval(row);
            if (lo != null && (Integer) lo < 0) {
                return negated;
            }
            Object hi = high.eval(row);
            if (hi != null && (Integer) hi > 0) {
                return negated;
            }
            return lo == null || hi == null ? null : !negated;
        }, DataType.BOOLEAN);
    }

    private Typed caseExpr(CaseExpr c) {
        List<Typed> conditions = new ArrayList<>();
        List<Typed> results = new ArrayList<>();
        DataType type = null;
        for (CaseExpr.When w : c.whens()) {
            Typed cond = typed(w.condition());
            requireBoolean(cond, w.condition(), "WHEN");
            conditions.add(cond);
            results.add(typed(w.result()));
        }
        c.otherwise().ifPresent(e -> results.add(typed(e)));
        for (Typed r : results) {
            DataType common = ExprTypes.common(type, r.type);
            if (common == null) {
                throw error("CASE results mix " + type + " and " + r.type + "; CAST them to one type");
            }
            type = common;
        }
        int n = conditions.size();
        Node[] conds = new Node[n];
        Node[] values = new Node[results.size()];
        for (int i = 0; i < n; i++) {
            conds[i] = conditions.get(i).node;
        }
        for (int i = 0; i < values.length; i++) {
            UnaryOperator<Object> convert = Values.converter(results.get(i).type, type == null ? DataType.INT : type,
                    text);
            Node value = results.get(i).node;
            values[i] = row -> {
                Object v = value.eval(row);
                return v == null ? null : convert.apply(v);
            };
        }
        boolean hasElse = values.length > n;
        return new Typed(row -> {
            for (int i = 0; i < n; i++) {
                if (Boolean.TRUE.equals(conds[i].eval(row))) {
                    return values[i].eval(row);
                }
            }
            return hasElse ? values[n].eval(row) : null;
        }, type);
    }

    private Typed cast(CastExpr c) {
        Typed x = typed(c.operand());
        if (!ExprTypes.castable(x.type, c.type())) {
            throw error("cannot CAST " + x.type + " to " + c.type() + " in '" + c + "'");
        }
        UnaryOperator<Object> convert = Values.converter(x.type, c.type(), text);
        Node operand = x.node;
        return new Typed(row -> {
            Object v = operand.eval(row);
            return v == null ? null : convert.apply(v);
        }, c.type());
    }

    private void requireBoolean(Typed t, Expr e, String where) {
        if (t.type != null && t.type.name() != TypeName.BOOLEAN) {
            throw error(where + " needs a condition (BOOLEAN), but " + e + " is " + t.type);
        }
    }

    HaechiException error(String message) {
        return new HaechiException(ErrorCode.INVALID_EXPRESSION, "invalid expression '" + text + "': " + message);
    }
}
