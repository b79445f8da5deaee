package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import com.google.common.collect.RangeSet;
import com.google.common.collect.TreeRangeSet;

/**
 * The values of one column a filter keeps: ranges of non-NULL canonical values, and whether NULL is kept (only
 * {@link NullResult#TRUE} keeps it; UNKNOWN and FALSE drop the row, as WHERE does).
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public record ValueSet(ImmutableRangeSet<Comparable> ranges, NullResult onNull) {
    public ValueSet {
        requireNonNull(ranges, "ranges is null");
        requireNonNull(onNull, "onNull is null");
    }

    public static ValueSet all() {
        return new ValueSet(ImmutableRangeSet.of(Range.all()), NullResult.TRUE);
    }

    public static ValueSet of(Range<Comparable> range) {
        return new ValueSet(ImmutableRangeSet.of(range), NullResult.UNKNOWN);
    }

    public static ValueSet nullOnly() {
        return new ValueSet(ImmutableRangeSet.of(), NullResult.TRUE);
    }

    public static ValueSet none() {
        return new ValueSet(ImmutableRangeSet.of(), NullResult.FALSE);
    }

    public ValueSet and(ValueSet o) {
        return new ValueSet(intersect(ranges, o.ranges),
                onNull.and(o.onNull));
    }

    public ValueSet or(ValueSet o) {
        RangeSet<Comparable> u = TreeRangeSet.create(ranges);
        u.addAll(o.ranges);
        return new ValueSet(ImmutableRangeSet.copyOf(u), onNull.or(o.onNull));
    }

    public ValueSet not() {
        return new ValueSet(ranges.complement(), onNull.not());
    }

    public boolean keepsNull() {
        return onNull == NullResult.TRUE;
    }

    /** Whether no value and no NULL passes. */
    public boolean isEmpty() {
        return ranges.isEmpty() && !keepsNull();
    }

    private static ImmutableRangeSet<Comparable> intersect(RangeSet<Comparable> a, RangeSet<Comparable> b) {
        RangeSet<Comparable> out = TreeRangeSet.create();
        for (Range<Comparable> r : a.asRanges()) {
            out.addAll(b.subRangeSet(r));
        }
        return ImmutableRangeSet.copyOf(out);
    }
}
