package io.haechi.query.exec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableRangeSet;
import com.google.common.collect.Range;
import io.haechi.model.table.DataType;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Three-valued logic of scan filters and the value sets pushed into key ranges, checked row by row. */
class PredTest {
    private static final IntFunction<DataType> INT = slot -> DataType.INT;
    private static final List<Object> NO_PARAMS = List.of();

    private static Pred eq(int column, int v) {
        return new Pred.Compare(column, Pred.Op.EQ, new Operand.Literal(v));
    }

    @Test
    void comparisonWithNullIsUnknownAndNotOfUnknownStaysUnknown() {
        Pred p = eq(0, 3);
        assertThat(p.eval(new Object[] {null}, NO_PARAMS, INT)).isNull();
        assertThat(new Pred.Not(p).eval(new Object[] {null}, NO_PARAMS, INT)).isNull();
        assertThat(new Pred.Not(p).eval(new Object[] {4}, NO_PARAMS, INT)).isTrue();
    }

    @Test
    void orWithATrueTermIsTrueEvenWhenAnotherIsUnknown() {
        Pred p = new Pred.Or(List.of(eq(0, 3), eq(1, 5)));
        assertThat(p.eval(new Object[] {null, 5}, NO_PARAMS, INT)).isTrue();
        assertThat(p.eval(new Object[] {null, 6}, NO_PARAMS, INT)).isNull();
        assertThat(p.singleColumn()).isEqualTo(-1);
    }

    @Test
    void valueSetOfASingleColumnConditionKeepsExactlyTheRowsEvalKeeps() {
        // NOT (x IN (1, 2) OR x > 8) AND x IS NOT NULL, compared with eval over -2..12 and NULL
        Pred p = new Pred.And(List.of(
                new Pred.Not(new Pred.Or(List.of(
                        new Pred.InRanges(0, ImmutableRangeSet.of(Range.closed(1, 2)), NullResult.UNKNOWN),
                        new Pred.Compare(0, Pred.Op.GT, new Operand.Literal(8))))),
                new Pred.IsNull(0, true)));
        assertThat(p.singleColumn()).isZero();
        ValueSet set = p.values(NO_PARAMS, INT);
        for (Integer v : Arrays.asList(null, -2, -1, 0, 1, 2, 3, 7, 8, 9, 12)) {
            boolean kept = Boolean.TRUE.equals(p.eval(new Object[] {v}, NO_PARAMS, INT));
            boolean inSet = v == null ? set.keepsNull() : set.ranges().contains(v);
            assertThat(inSet).as("value %s", v).isEqualTo(kept);
        }
    }

    @Test
    void parametersAreBoundAndCoercedToTheColumnType() {
        Pred p = new Pred.Compare(0, Pred.Op.LE, new Operand.Param(0));
        assertThat(p.eval(new Object[] {5}, List.of(5L), INT)).isTrue();
        assertThat(p.eval(new Object[] {6}, List.of("5"), INT)).isFalse();
        assertThat(p.values(List.of(5L), INT).ranges().contains(5)).isTrue();
    }

    @Test
    void notEqualsDropsNullsAndTheValue() {
        ValueSet s = new Pred.Compare(0, Pred.Op.NE, new Operand.Literal(4)).values(NO_PARAMS, INT);
        assertThat(s.keepsNull()).isFalse();
        assertThat(s.ranges().contains(4)).isFalse();
        assertThat(s.ranges().contains(3)).isTrue();
        assertThat(s.ranges().contains(5)).isTrue();
    }
}
