package io.haechi.query.rewrite;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.TreeRangeSet;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import io.haechi.query.exec.NullResult;
import io.haechi.query.exec.Operand;
import io.haechi.query.exec.Pred;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;
import org.apache.calcite.util.TimestampString;

/**
 * Turns a WHERE conjunct over base columns into a {@link Pred} over scan columns: AND, OR, NOT, comparisons with a
 * literal or parameter, IN / BETWEEN / OR-of-points (Calcite's SEARCH), IS [NOT] NULL. Constant sub-expressions
 * ({@code DATE '2024-01-14' - INTERVAL '13' DAY}) are folded first. Anything else bails with the reason.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
final class PredicateBuilder {
    private final RexBuilder rex;
    private final IntUnaryOperator slotOf;
    private final IntFunction<DataType> typeOfSlot;

    PredicateBuilder(RexBuilder rex, IntUnaryOperator slotOf, IntFunction<DataType> typeOfSlot) {
        this.rex = rex;
        this.slotOf = slotOf;
        this.typeOfSlot = typeOfSlot;
    }

    Pred build(RexNode node) {
        RexNode e = fold(node);
        switch (e.getKind()) {
            case AND -> {
                return new Pred.And(children(e));
            }
            case OR -> {
                return new Pred.Or(children(e));
            }
            case NOT -> {
                return new Pred.Not(build(((RexCall) e).getOperands().get(0)));
            }
            case IS_NULL, IS_NOT_NULL -> {
                return new Pred.IsNull(column(((RexCall) e).getOperands().get(0)),
                        e.getKind() == org.apache.calcite.sql.SqlKind.IS_NOT_NULL);
            }
            case SEARCH -> {
                RexCall call = (RexCall) e;
                int slot = column(call.getOperands().get(0));
                Sarg<?> sarg = ((RexLiteral) call.getOperands().get(1)).getValueAs(Sarg.class);
                return new Pred.InRanges(slot, ranges(sarg, typeOfSlot.apply(slot)), nullResult(sarg.nullAs));
            }
            case EQUALS, NOT_EQUALS, LESS_THAN, LESS_THAN_OR_EQUAL, GREATER_THAN, GREATER_THAN_OR_EQUAL -> {
                return compare((RexCall) e);
            }
            case LITERAL -> {
                Boolean b = ((RexLiteral) e).getValueAs(Boolean.class);
                // An empty AND is TRUE (keeps every row); an empty OR is FALSE, as is a NULL condition.
                return Boolean.TRUE.equals(b) ? new Pred.And(List.of()) : new Pred.Or(List.of());
            }
            default -> throw new Bail("filter " + e + " is not a condition on dimensions");
        }
    }

    private List<Pred> children(RexNode e) {
        List<Pred> out = new ArrayList<>();
        for (RexNode o : ((RexCall) e).getOperands()) {
            out.add(build(o));
        }
        return out;
    }

    private Pred compare(RexCall call) {
        RexNode l = fold(call.getOperands().get(0));
        RexNode r = fold(call.getOperands().get(1));
        Pred.Op op = switch (call.getKind()) {
            case EQUALS -> Pred.Op.EQ;
            case NOT_EQUALS -> Pred.Op.NE;
            case LESS_THAN -> Pred.Op.LT;
            case LESS_THAN_OR_EQUAL -> Pred.Op.LE;
            case GREATER_THAN -> Pred.Op.GT;
            default -> Pred.Op.GE;
        };
        if (!(Conditions.stripCast(l) instanceof RexInputRef)) {
            RexNode t = l;
            l = r;
            r = t;
            op = op.flip();
        }
        int slot = column(l);
        Operand operand;
        if (r instanceof RexDynamicParam p) {
            operand = new Operand.Param(p.getIndex());
        } else if (Conditions.stripCast(r) instanceof RexDynamicParam p) {
            operand = new Operand.Param(p.getIndex());
        } else if (r instanceof RexLiteral lit) {
            operand = new Operand.Literal(literal(raw(lit), typeOfSlot.apply(slot)));
        } else {
            throw new Bail("filter " + call + " compares with something other than a constant or a parameter");
        }
        return new Pred.Compare(slot, op, operand);
    }

    private int column(RexNode e) {
        RexNode s = Conditions.stripCast(e);
        if (s instanceof RexInputRef ref) {
            return slotOf.applyAsInt(ref.getIndex());
        }
        throw new Bail("filter on the expression " + e + " (only dimension columns can be filtered)");
    }

    private RexNode fold(RexNode e) {
        // Calcite counts a parameter as constant (within one execution); here it must stay a parameter.
        if (!(e instanceof RexLiteral) && RexUtil.isConstant(e) && !containsParam(e)) {
            List<RexNode> out = new ArrayList<>();
            RexUtil.EXECUTOR.reduce(rex, List.of(e), out);
            return out.get(0);
        }
        return e;
    }

    private static boolean containsParam(RexNode e) {
        return e.accept(new org.apache.calcite.rex.RexVisitorImpl<Boolean>(true) {
            @Override
            public Boolean visitDynamicParam(RexDynamicParam p) {
                return true;
            }

            @Override
            public Boolean visitCall(RexCall call) {
                for (RexNode o : call.getOperands()) {
                    if (Boolean.TRUE.equals(o.accept(this))) {
                        return true;
                    }
                }
                return false;
            }
        }) == Boolean.TRUE;
    }

    private static ImmutableRangeSet<Comparable> ranges(Sarg<?> sarg, DataType type) {
        TreeRangeSet out = TreeRangeSet.create();
        for (Range<?> r : sarg.rangeSet.asRanges()) {
            Comparable lo = r.hasLowerBound() ? (Comparable) literal(raw(r.lowerEndpoint()), type) : null;
            Comparable hi = r.hasUpperBound() ? (Comparable) literal(raw(r.upperEndpoint()), type) : null;
            Range<Comparable> c;
            if (lo == null && hi == null) {
                c = Range.all();
            } else if (lo == null) {
                c = Range.upTo(hi, r.upperBoundType());
            } else if (hi == null) {
                c = Range.downTo(lo, r.lowerBoundType());
            } else {
                c = Range.range(lo, r.lowerBoundType(), hi, r.upperBoundType());
            }
            out.add(c);
        }
        return ImmutableRangeSet.copyOf(out);
    }

    private static NullResult nullResult(RexUnknownAs as) {
        return switch (as) {
            case TRUE -> NullResult.TRUE;
            case FALSE -> NullResult.FALSE;
            case UNKNOWN -> NullResult.UNKNOWN;
        };
    }

    private static Object raw(Object v) {
        if (v instanceof RexLiteral l) {
            return switch (l.getTypeName()) {
                case CHAR, VARCHAR -> l.getValueAs(String.class);
                case DATE -> l.getValueAs(DateString.class).toString();
                case TIMESTAMP -> l.getValueAs(TimestampString.class).toString();
                case BOOLEAN -> l.getValueAs(Boolean.class);
                case NULL -> null;
                default -> l.getValue();
            };
        }
        if (v instanceof NlsString s) {
            return s.getValue();
        }
        if (v instanceof DateString || v instanceof TimestampString) {
            return v.toString();
        }
        return v;
    }

    /** A constant as the column type's canonical value; a constant the type cannot hold exactly bails. */
    static Object literal(Object raw, DataType type) {
        if (raw == null) {
            return null;
        }
        try {
            Object v = Values.coerce(raw, type, "literal");
            if (raw instanceof java.math.BigDecimal d && v instanceof Number n && type.name().isInteger()
                    && d.compareTo(java.math.BigDecimal.valueOf(n.longValue())) != 0) {
                throw new Bail("literal " + raw + " compared with a " + type + " column");
            }
            return v;
        } catch (RuntimeException e) {
            if (e instanceof Bail b) {
                throw b;
            }
            throw new Bail("literal " + raw + " does not fit the column type " + type + ": " + e.getMessage());
        }
    }
}
