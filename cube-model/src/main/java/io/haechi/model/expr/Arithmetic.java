package io.haechi.model.expr;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.expr.CompiledExpr.Node;
import io.haechi.model.expr.ExprCompiler.Typed;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.function.Supplier;

/**
 * Arithmetic nodes, specialised by result type (see {@link ExprTypes#arithmetic}). NULL in gives NULL out;
 * division or modulo by zero gives NULL (as DuckDB does); integer overflow is an error.
 */
final class Arithmetic {
    private Arithmetic() {
    }

    static Typed compile(BinaryExpr b, Typed l, Typed r, ExprCompiler compiler) {
        DataType type = ExprTypes.arithmetic(b.op(), l.type(), r.type());
        if (type == null) {
            throw compiler.error("operator " + b.op().symbol() + " needs numbers, but got "
                    + describe(b.left(), l.type()) + " and " + describe(b.right(), r.type()));
        }
        Node x = l.node();
        Node y = r.node();
        String text = b.toString();
        Node node = switch (type.name()) {
            case BIGINT -> longs(b.op(), x, y, text);
            case DOUBLE -> doubles(b.op(), x, y);
            default -> decimals(b.op(), x, y, type.scale());
        };
        return new Typed(node, type);
    }

    private static String describe(Expr e, DataType t) {
        return e + " (" + (t == null ? "NULL" : t) + ")";
    }

    static Typed negate(Node x, DataType type, String text) {
        Node node = switch (type.name()) {
            case SMALLINT, INT -> row -> {
                Object v = x.eval(row);
                return v == null ? null : exact(() -> Math.negateExact((Integer) v), text);
            };
            case BIGINT -> row -> {
                Object v = x.eval(row);
                return v == null ? null : exact(() -> Math.negateExact((Long) v), text);
            };
            case DOUBLE -> row -> {
                Object v = x.eval(row);
                return v == null ? null : -(Double) v;
            };
            default -> row -> {
                Object v = x.eval(row);
                return v == null ? null : ((BigDecimal) v).negate();
            };
        };
        return new Typed(node, type);
    }

    private static Node longs(BinaryOp op, Node x, Node y, String text) {
        return row -> {
            Object a = x.eval(row);
            Object b = a == null ? null : y.eval(row);
            if (b == null) {
                return null;
            }
            long p = ((Number) a).longValue();
            long q = ((Number) b).longValue();
            return switch (op) {
                case ADD -> exact(() -> Math.addExact(p, q), text);
                case SUBTRACT -> exact(() -> Math.subtractExact(p, q), text);
                case MULTIPLY -> exact(() -> Math.multiplyExact(p, q), text);
                case DIVIDE -> q == 0 ? null : q == -1 ? exact(() -> Math.negateExact(p), text) : (Object) (p / q);
                default -> q == 0 ? null : p % q;
            };
        };
    }

    private static Node doubles(BinaryOp op, Node x, Node y) {
        return row -> {
            Object a = x.eval(row);
            Object b = a == null ? null : y.eval(row);
            if (b == null) {
                return null;
            }
            double p = ((Number) a).doubleValue();
            double q = ((Number) b).doubleValue();
            return switch (op) {
                case ADD -> p + q;
                case SUBTRACT -> p - q;
                case MULTIPLY -> p * q;
                case DIVIDE -> q == 0 ? null : p / q;
                default -> q == 0 ? null : p % q;
            };
        };
    }

    private static Node decimals(BinaryOp op, Node x, Node y, int scale) {
        return row -> {
            Object a = x.eval(row);
            Object b = a == null ? null : y.eval(row);
            if (b == null) {
                return null;
            }
            BigDecimal p = Values.toDecimal(a);
            BigDecimal q = Values.toDecimal(b);
            return switch (op) {
                case ADD -> p.add(q).setScale(scale, RoundingMode.HALF_UP);
                case SUBTRACT -> p.subtract(q).setScale(scale, RoundingMode.HALF_UP);
                case MULTIPLY -> p.multiply(q).setScale(scale, RoundingMode.HALF_UP);
                case DIVIDE -> q.signum() == 0 ? null : p.divide(q, scale, RoundingMode.HALF_UP);
                default -> q.signum() == 0 ? null : p.remainder(q).setScale(scale, RoundingMode.HALF_UP);
            };
        };
    }

    private static Object exact(Supplier<Object> op, String text) {
        try {
            return op.get();
        } catch (ArithmeticException e) {
            throw new HaechiException(ErrorCode.INVALID_EXPRESSION, "integer overflow evaluating '" + text + "'");
        }
    }
}
