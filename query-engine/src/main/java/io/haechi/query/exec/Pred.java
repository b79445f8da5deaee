package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.BoundType;
import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * A WHERE condition over the columns of a cube scan ({@link ScanColumn}s, by slot), with literals or parameters.
 * It evaluates with SQL's three-valued logic, and a condition on one column becomes a {@link ValueSet} that the scan
 * pushes into key ranges and region-side code filters.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public sealed interface Pred {
    /** TRUE, FALSE or UNKNOWN ({@code null}) for a row of column values. */
    Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types);

    /** The one column this condition reads, or -1 when it reads none or several. */
    int singleColumn();

    /** The values of its single column that pass, once parameters are bound. */
    ValueSet values(List<Object> params, IntFunction<DataType> types);

    /** Every column slot read. */
    void columns(java.util.Set<Integer> out);

    /** Comparison operators. */
    enum Op {
        EQ("="), NE("<>"), LT("<"), LE("<="), GT(">"), GE(">=");

        final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        /** The operator with its operands swapped: {@code a < b} is {@code b > a}. */
        public Op flip() {
            return switch (this) {
                case LT -> GT;
                case LE -> GE;
                case GT -> LT;
                case GE -> LE;
                default -> this;
            };
        }
    }

    record And(List<Pred> terms) implements Pred {
        public And {
            terms = List.copyOf(terms);
        }

        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            return Pred.fold(terms, false, row, params, types);
        }

        @Override
        public int singleColumn() {
            return Pred.single(terms);
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            return terms.stream().map(p -> p.values(params, types)).reduce(ValueSet.all(), ValueSet::and);
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            terms.forEach(t -> t.columns(out));
        }

        @Override
        public String toString() {
            return terms.stream().map(Object::toString).collect(Collectors.joining(" AND ", "(", ")"));
        }
    }

    record Or(List<Pred> terms) implements Pred {
        public Or {
            terms = List.copyOf(terms);
        }

        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            return Pred.fold(terms, true, row, params, types);
        }

        @Override
        public int singleColumn() {
            return Pred.single(terms);
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            return terms.stream().map(p -> p.values(params, types)).reduce(ValueSet.none(), ValueSet::or);
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            terms.forEach(t -> t.columns(out));
        }

        @Override
        public String toString() {
            return terms.stream().map(Object::toString).collect(Collectors.joining(" OR ", "(", ")"));
        }
    }

    record Not(Pred term) implements Pred {
        public Not {
            requireNonNull(term, "term is null");
        }

        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            Boolean b = term.eval(row, params, types);
            return b == null ? null : !b;
        }

        @Override
        public int singleColumn() {
            return term.singleColumn();
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            return term.values(params, types).not();
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            term.columns(out);
        }

        @Override
        public String toString() {
            return "NOT " + term;
        }
    }

    /** {@code column op operand}. */
    record Compare(int column, Op op, Operand operand) implements Pred {
        public Compare {
            requireNonNull(op, "op is null");
            requireNonNull(operand, "operand is null");
        }

        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            Object v = row[column];
            Object o = operand.value(params, types.apply(column));
            if (v == null || o == null) {
                return null;
            }
            int c = Values.comparator(types.apply(column)).compare(v, o);
            return switch (op) {
                case EQ -> c == 0;
                case NE -> c != 0;
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
            };
        }

        @Override
        public int singleColumn() {
            return column;
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            Comparable o = (Comparable) operand.value(params, types.apply(column));
            if (o == null) {
                return new ValueSet(ImmutableRangeSet.of(), NullResult.UNKNOWN);
            }
            Range<Comparable> r = switch (op) {
                case EQ -> Range.singleton(o);
                case LT -> Range.lessThan(o);
                case LE -> Range.atMost(o);
                case GT -> Range.greaterThan(o);
                case GE -> Range.atLeast(o);
                case NE -> null;
            };
            if (r == null) {
                return ValueSet.of(Range.lessThan(o)).or(ValueSet.of(Range.greaterThan(o)));
            }
            return ValueSet.of(r);
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            out.add(column);
        }

        @Override
        public String toString() {
            return "$" + column + " " + op.symbol + " " + operand;
        }
    }

    /** {@code column} in a set of literal ranges (Calcite's SEARCH/Sarg: IN, BETWEEN, OR of points). */
    record InRanges(int column, ImmutableRangeSet<Comparable> ranges, NullResult onNull) implements Pred {
        public InRanges {
            requireNonNull(ranges, "ranges is null");
            requireNonNull(onNull, "onNull is null");
        }

        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            Object v = row[column];
            if (v == null) {
                return onNull == NullResult.UNKNOWN ? null : onNull == NullResult.TRUE;
            }
            return ranges.contains((Comparable) v);
        }

        @Override
        public int singleColumn() {
            return column;
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            return new ValueSet(ranges, onNull);
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            out.add(column);
        }

        @Override
        public String toString() {
            String r = ranges.asRanges().stream().map(Pred::render).collect(Collectors.joining(", "));
            return "$" + column + " IN {" + r + "}" + (onNull == NullResult.TRUE ? " OR NULL" : "");
        }
    }

    record IsNull(int column, boolean negated) implements Pred {
        @Override
        public Boolean eval(Object[] row, List<Object> params, IntFunction<DataType> types) {
            return (row[column] == null) != negated;
        }

        @Override
        public int singleColumn() {
            return column;
        }

        @Override
        public ValueSet values(List<Object> params, IntFunction<DataType> types) {
            return negated ? new ValueSet(ImmutableRangeSet.of(Range.all()), NullResult.FALSE) : ValueSet.nullOnly();
        }

        @Override
        public void columns(java.util.Set<Integer> out) {
            out.add(column);
        }

        @Override
        public String toString() {
            return "$" + column + (negated ? " IS NOT NULL" : " IS NULL");
        }
    }

    /**
     * SQL's AND ({@code decisive} false) or OR ({@code decisive} true) of the terms: the decisive value as soon as a
     * term gives it, else UNKNOWN ({@code null}) if a term was unknown, else the other value.
     */
    private static Boolean fold(List<Pred> terms, boolean decisive, Object[] row, List<Object> params,
            IntFunction<DataType> types) {
        boolean unknown = false;
        for (Pred p : terms) {
            Boolean b = p.eval(row, params, types);
            if (b == null) {
                unknown = true;
            } else if (b == decisive) {
                return decisive;
            }
        }
        return unknown ? null : !decisive;
    }

    /** The column slot shared by all terms, or -1. */
    private static int single(List<Pred> terms) {
        int c = -1;
        for (Pred p : terms) {
            int s = p.singleColumn();
            if (s < 0 || (c >= 0 && s != c)) {
                return -1;
            }
            c = s;
        }
        return c;
    }

    private static String render(Range<Comparable> r) {
        if (r.hasLowerBound() && r.hasUpperBound() && r.lowerEndpoint().compareTo(r.upperEndpoint()) == 0) {
            return lit(r.lowerEndpoint());
        }
        String lo = r.hasLowerBound() ? (r.lowerBoundType() == BoundType.CLOSED ? "[" : "(") + lit(r.lowerEndpoint())
                : "(-inf";
        String hi = r.hasUpperBound() ? lit(r.upperEndpoint()) + (r.upperBoundType() == BoundType.CLOSED ? "]" : ")")
                : "+inf)";
        return lo + ".." + hi;
    }

    private static String lit(Object v) {
        return new Operand.Literal(v).toString();
    }

    /** Collects the parameter indexes a condition reads. */
    static void params(Pred p, java.util.Set<Integer> out) {
        if (p instanceof Compare c && c.operand() instanceof Operand.Param param) {
            out.add(param.index());
        } else if (p instanceof And a) {
            a.terms().forEach(t -> params(t, out));
        } else if (p instanceof Or o) {
            o.terms().forEach(t -> params(t, out));
        } else if (p instanceof Not n) {
            params(n.term(), out);
        }
    }
}
