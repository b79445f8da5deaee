package io.haechi.query.rewrite;

import io.haechi.model.expr.BinaryExpr;
import io.haechi.model.expr.CastExpr;
import io.haechi.model.expr.ColumnRef;
import io.haechi.model.expr.Expr;
import io.haechi.model.expr.Literal;
import io.haechi.model.expr.ResolvedColumn;
import io.haechi.model.expr.UnaryExpr;
import io.haechi.model.star.StarSchema;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.function.IntFunction;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;

/**
 * Arithmetic over columns in one canonical text, so that a query's {@code SUM(lo_extendedprice * lo_discount)} (or
 * {@code SUM(v_revenue)}, a computed column) and a measure declared as {@code SUM(lo_discount * lo_extendedprice)}
 * meet: columns as {@code alias.column}, computed columns expanded, casts dropped, operands of + and * sorted.
 */
final class Canon {
    private Canon() {
    }

    /** The canonical text of a model expression, or null when it is not plain arithmetic over columns. */
    static String of(Expr e, StarSchema model) {
        if (e instanceof ColumnRef ref) {
            if (ref.table().isEmpty() || model.isFact(ref.table().get())) {
                var computed = model.computedColumn(ref.column());
                if (computed.isPresent() && (ref.table().isPresent()
                        || model.factTable().column(ref.column()).isEmpty())) {
                    return of(computed.get().desc().expression(), model);
                }
            }
            ResolvedColumn r = model.scope().resolve(ref);
            return column(r.canonical().table().orElse(model.factAlias()), r.canonical().column());
        }
        if (e instanceof CastExpr c) {
            return of(c.operand(), model);
        }
        if (e instanceof Literal l) {
            return l.value() instanceof Number n ? number(new BigDecimal(n.toString())) : null;
        }
        if (e instanceof UnaryExpr u && u.op().name().equals("NEGATE")) {
            String inner = of(u.operand(), model);
            return inner == null ? null : "(-" + inner + ")";
        }
        if (e instanceof BinaryExpr b && b.op().isArithmetic()) {
            return binary(b.op().symbol(), of(b.left(), model), of(b.right(), model));
        }
        return null;
    }

    /**
     * The canonical text of a query expression over base columns; {@code columnText} names a base column (and
     * expands a computed one), or returns null when it is not a model column.
     */
    static String of(RexNode e, IntFunction<String> columnText) {
        RexNode s = Conditions.stripCast(e);
        if (s instanceof RexInputRef ref) {
            return columnText.apply(ref.getIndex());
        }
        if (s instanceof RexLiteral l) {
            BigDecimal v = l.getValueAs(BigDecimal.class);
            return v == null ? null : number(v);
        }
        if (s instanceof RexCall call) {
            return switch (call.getKind()) {
                case PLUS -> binary("+", of(call.getOperands().get(0), columnText),
                        of(call.getOperands().get(1), columnText));
                case MINUS -> binary("-", of(call.getOperands().get(0), columnText),
                        of(call.getOperands().get(1), columnText));
                case TIMES -> binary("*", of(call.getOperands().get(0), columnText),
                        of(call.getOperands().get(1), columnText));
                case DIVIDE -> binary("/", of(call.getOperands().get(0), columnText),
                        of(call.getOperands().get(1), columnText));
                case MINUS_PREFIX -> {
                    String inner = of(call.getOperands().get(0), columnText);
                    yield inner == null ? null : "(-" + inner + ")";
                }
                default -> null;
            };
        }
        return null;
    }

    static String column(String alias, String column) {
        return (alias + "." + column).toLowerCase(Locale.ROOT);
    }

    private static String binary(String op, String l, String r) {
        if (l == null || r == null) {
            return null;
        }
        if ((op.equals("+") || op.equals("*")) && l.compareTo(r) > 0) {
            String t = l;
            l = r;
            r = t;
        }
        return "(" + l + " " + op + " " + r + ")";
    }

    private static String number(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}
