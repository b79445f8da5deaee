package io.haechi.model.expr;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints an expression as SQL with the fewest parentheses that keep its tree: {@code parse(print(e)).equals(e)}
 * for every tree the parser produces.
 */
final class ExprPrinter {
    private static final int PREDICATE = 4;
    private static final int UNARY_MINUS = 7;
    private static final int PRIMARY = 8;
    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private ExprPrinter() {
    }

    static String print(Expr expr) {
        if (expr instanceof ColumnRef c) {
            return c.table().map(t -> name(t) + ".").orElse("") + name(c.column());
        }
        if (expr instanceof Literal l) {
            return literal(l);
        }
        if (expr instanceof NullLiteral) {
            return "NULL";
        }
        if (expr instanceof UnaryExpr u) {
            return unary(u);
        }
        if (expr instanceof BinaryExpr b) {
            return binary(b);
        }
        if (expr instanceof InExpr in) {
            return operand(in.value(), PREDICATE) + (in.negated() ? " NOT IN (" : " IN (")
                    + in.list().stream().map(ExprPrinter::print).collect(Collectors.joining(", ")) + ")";
        }
        if (expr instanceof BetweenExpr b) {
            return operand(b.value(), PREDICATE) + (b.negated() ? " NOT BETWEEN " : " BETWEEN ")
                    + operand(b.low(), PREDICATE) + " AND " + operand(b.high(), PREDICATE);
        }
        if (expr instanceof IsNullExpr n) {
            return operand(n.value(), PREDICATE) + (n.negated() ? " IS NOT NULL" : " IS NULL");
        }
        if (expr instanceof CaseExpr c) {
            return caseExpr(c);
        }
        CastExpr c = (CastExpr) expr;
        return "CAST(" + print(c.operand()) + " AS " + c.type() + ")";
    }

    /** Binding strength of the node's own printed form. */
    static int precedence(Expr expr) {
        if (expr instanceof BinaryExpr b) {
            return b.op().precedence();
        }
        if (expr instanceof UnaryExpr u) {
            return u.op() == UnaryOp.NOT ? 3 : UNARY_MINUS;
        }
        if (expr instanceof InExpr || expr instanceof BetweenExpr || expr instanceof IsNullExpr) {
            return PREDICATE;
        }
        if (expr instanceof Literal l && l.isNegative()) {
            return UNARY_MINUS;
        }
        return PRIMARY;
    }

    /** Prints {@code child}, in parentheses unless it binds tighter than {@code floor}. */
    private static String operand(Expr child, int floor) {
        String text = print(child);
        return precedence(child) > floor ? text : "(" + text + ")";
    }

    private static String binary(BinaryExpr b) {
        int p = b.op().precedence();
        // Left-associative: an equal-strength left child needs no parentheses, except for comparisons.
        String left = b.op().isComparison() ? operand(b.left(), p) : operand(b.left(), p - 1);
        return left + " " + b.op().symbol() + " " + operand(b.right(), p);
    }

    private static String unary(UnaryExpr u) {
        if (u.op() == UnaryOp.NOT) {
            return "NOT " + operand(u.operand(), 2);
        }
        Expr x = u.operand();
        boolean bare = x instanceof ColumnRef || x instanceof CaseExpr || x instanceof CastExpr
                || (x instanceof Literal l && !l.isNumeric());
        return "-" + (bare ? print(x) : "(" + print(x) + ")");
    }

    private static String caseExpr(CaseExpr c) {
        StringBuilder sb = new StringBuilder("CASE");
        for (CaseExpr.When w : c.whens()) {
            sb.append(" WHEN ").append(print(w.condition())).append(" THEN ").append(print(w.result()));
        }
        c.otherwise().ifPresent(e -> sb.append(" ELSE ").append(print(e)));
        return sb.append(" END").toString();
    }

    private static String literal(Literal l) {
        Object v = l.value();
        if (v instanceof String s) {
            return quote(s, '\'');
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof Double d) {
            String s = Double.toString(d);
            return s.contains("E") ? s : s + "E0";
        }
        if (v instanceof LocalDate d) {
            return "DATE '" + d + "'";
        }
        if (v instanceof LocalDateTime t) {
            String s = t.format(SECONDS);
            int millis = t.getNano() / 1_000_000;
            return "TIMESTAMP '" + (millis == 0 ? s : s + String.format(Locale.ROOT, ".%03d", millis)) + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "TRUE" : "FALSE";
        }
        return v.toString();
    }

    static String name(String name) {
        if (PLAIN_NAME.matcher(name).matches() && !ExprParser.RESERVED.contains(name.toUpperCase(Locale.ROOT))) {
            return name;
        }
        return quote(name, '"');
    }

    private static String quote(String s, char q) {
        String doubled = String.valueOf(q) + q;
        return q + s.replace(String.valueOf(q), doubled) + q;
    }
}
