package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MeasureSemanticsTest {
    private static Object aggregate(MeasureType m, Object... values) {
        Object s = m.init();
        for (Object v : values) {
            s = m.add(s, v);
        }
        return m.result(m.fromBytes(m.toBytes(s)));
    }

    @Test
    void sumOfIntegersIsBigintAndSkipsNulls() {
        MeasureType sum = MeasureTypes.create("sum", DataType.INT);
        assertThat(sum.returnType()).isEqualTo(DataType.BIGINT);
        assertThat(aggregate(sum, 1, null, 2, -10)).isEqualTo(-7L);
        assertThat(aggregate(sum, Integer.MAX_VALUE, Integer.MAX_VALUE)).isEqualTo(2L * Integer.MAX_VALUE);
    }

    @Test
    void sumOfNoNonNullValueIsNullButCountIsZero() {
        assertThat(aggregate(MeasureTypes.create("SUM", DataType.BIGINT))).isNull();
        assertThat(aggregate(MeasureTypes.create("SUM", DataType.BIGINT), null, null)).isNull();
        assertThat(aggregate(MeasureTypes.create("SUM", DataType.decimal(10, 2)), (Object) null)).isNull();
        assertThat(aggregate(MeasureTypes.create("SUM", DataType.DOUBLE), (Object) null)).isNull();
        assertThat(aggregate(MeasureTypes.create("MIN", DataType.VARCHAR), (Object) null)).isNull();
        assertThat(aggregate(MeasureTypes.create("COUNT", DataType.VARCHAR), null, null)).isEqualTo(0L);
        assertThat(aggregate(MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT), (Object) null)).isEqualTo(0L);
    }

    @Test
    void sumOverflowIsAnErrorNotAWrap() {
        MeasureType sum = MeasureTypes.create("SUM", DataType.BIGINT);
        Object s = sum.add(sum.init(), Long.MAX_VALUE - 1);
        Object t = sum.add(s, 1L);
        assertThat(sum.result(t)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> sum.add(t, 1L)).isInstanceOf(HaechiException.class)
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW))
                .hasMessageContaining("SUM(BIGINT)").hasMessageContaining("overflow");
        Object neg = sum.add(sum.init(), Long.MIN_VALUE);
        assertThatThrownBy(() -> sum.merge(neg, sum.add(sum.init(), -1L)))
                .isInstanceOf(HaechiException.class).hasMessageContaining("overflow");
    }

    @Test
    void sumOfDecimalKeepsScaleAndWidensTo38Digits() {
        MeasureType sum = MeasureTypes.create("SUM", DataType.decimal(10, 2));
        assertThat(sum.returnType()).isEqualTo(DataType.decimal(38, 2));
        assertThat(aggregate(sum, new BigDecimal("1.25"), "2.5", 3, null)).isEqualTo(new BigDecimal("6.75"));
        assertThatThrownBy(() -> sum.add(sum.init(), new BigDecimal("123456789.5")))
                .hasMessageContaining("not a valid DECIMAL(10,2): more than 10 digits");
        MeasureType sum38 = MeasureTypes.create("SUM", DataType.decimal(38, 2));
        BigDecimal big = new BigDecimal("9".repeat(36) + ".99");
        Object s = sum38.add(sum38.init(), big);
        assertThatThrownBy(() -> sum38.merge(s, sum38.add(sum38.init(), new BigDecimal("0.01"))))
                .isInstanceOf(HaechiException.class)
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.NUMERIC_OVERFLOW));
        assertThat(aggregate(sum, new BigDecimal("-1.01"), new BigDecimal("1.01"))).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void sumOfDouble() {
        MeasureType sum = MeasureTypes.create("SUM", DataType.DOUBLE);
        assertThat(aggregate(sum, 0.5, 0.25, null, -1.0)).isEqualTo(-0.25);
    }

    @Test
    void countStarCountsRowsCountColumnSkipsNulls() {
        MeasureType star = MeasureTypes.create("COUNT", null);
        assertThat(star.describe()).isEqualTo("COUNT(*) -> BIGINT");
        assertThat(aggregate(star, 1, null, null, "x")).isEqualTo(4L);
        MeasureType col = MeasureTypes.create("COUNT", DataType.VARCHAR);
        assertThat(aggregate(col, "a", null, "a", null)).isEqualTo(2L);
    }

    @Test
    void minMaxOverNumbersStringsDatesTimestampsBooleans() {
        assertThat(aggregate(MeasureTypes.create("MIN", DataType.INT), 5, null, -3, 7)).isEqualTo(-3);
        assertThat(aggregate(MeasureTypes.create("MAX", DataType.BIGINT), 5L, Long.MIN_VALUE, 7L)).isEqualTo(7L);
        assertThat(aggregate(MeasureTypes.create("MAX", DataType.decimal(5, 1)), "1.5", "-2", "1.45"))
                .isEqualTo(new BigDecimal("1.5"));
        assertThat(aggregate(MeasureTypes.create("MIN", DataType.DOUBLE), 0.5, -0.0, 3.0)).isEqualTo(-0.0);
        // Code-point order: U+1F600 (a surrogate pair in UTF-16) sorts after U+FFFD, unlike String.compareTo.
        assertThat(aggregate(MeasureTypes.create("MAX", DataType.VARCHAR), "b", "\uFFFD", "\uD83D\uDE00", "a"))
                .isEqualTo("\uD83D\uDE00");
        assertThat(aggregate(MeasureTypes.create("MIN", DataType.VARCHAR), "b", "", "a")).isEqualTo("");
        assertThat(aggregate(MeasureTypes.create("MAX", DataType.DATE), LocalDate.of(1998, 8, 2), "1992-01-01"))
                .isEqualTo(LocalDate.of(1998, 8, 2));
        assertThat(aggregate(MeasureTypes.create("MIN", DataType.TIMESTAMP),
                LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000), "2024-01-01 10:00:01"))
                .isEqualTo(LocalDateTime.of(2024, 1, 1, 10, 0, 0, 123_456_000));
        assertThat(aggregate(MeasureTypes.create("MAX", DataType.BOOLEAN), false, null, true)).isEqualTo(true);
    }

    @Test
    void exactDistinctOverInts() {
        MeasureType cd = MeasureTypes.create("COUNT_DISTINCT", DataType.INT);
        assertThat(aggregate(cd, 1, 2, 2, -1, null, Integer.MIN_VALUE)).isEqualTo(4L);
        MeasureType dates = MeasureTypes.create("BITMAP", DataType.DATE);
        assertThat(aggregate(dates, "2024-01-01", LocalDate.of(2024, 1, 1), "1969-12-31")).isEqualTo(2L);
    }

    @Test
    void distinctOfStringsNeedsTheGlobalDictionaryToAdd() {
        MeasureType cd = MeasureTypes.create("COUNT_DISTINCT", DataType.VARCHAR);
        assertThatThrownBy(() -> cd.add(cd.init(), "x")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("global dictionary");
    }

    @Test
    void badDefinitionsNameTheFunctionAndType() {
        assertThatThrownBy(() -> MeasureTypes.create("SUM", DataType.VARCHAR))
                .isInstanceOf(HaechiException.class).hasMessage("SUM cannot aggregate a VARCHAR column; it needs a "
                        + "numeric column");
        assertThatThrownBy(() -> MeasureTypes.create("MEDIAN", DataType.INT))
                .hasMessageContaining("unknown measure function 'MEDIAN'").hasMessageContaining("COUNT_DISTINCT");
        assertThatThrownBy(() -> MeasureTypes.create("SUM", null)).hasMessageContaining("SUM needs a column");
        assertThatThrownBy(() -> MeasureTypes.create("HLL", DataType.INT, Map.of("lgK", "30"), MeasureContext.NONE))
                .hasMessageContaining("lgK must be an integer from 4 to 21, got '30'");
        assertThatThrownBy(() -> MeasureTypes.create("SUM", DataType.INT, Map.of("x", "1"), MeasureContext.NONE))
                .hasMessageContaining("SUM takes no parameters");
    }

    @Test
    void registryListsBuiltInsAndAliases() {
        assertThat(MeasureTypes.functions()).containsAll(
                List.of("SUM", "COUNT", "MIN", "MAX", "COUNT_DISTINCT", "BITMAP", "APPROX_COUNT_DISTINCT", "HLL"));
        assertThat(MeasureTypes.kind("hll")).isInstanceOf(ApproxCountDistinctKind.class);
    }

    @Test
    void corruptStatesFailWithCorruptStoredData() {
        for (MeasureType m : List.of(MeasureTypes.create("SUM", DataType.BIGINT),
                MeasureTypes.create("MAX", DataType.VARCHAR), MeasureTypes.create("COUNT_DISTINCT", DataType.INT),
                MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT), MeasureTypes.create("HLL", DataType.INT))) {
            byte[] garbage = new byte[] {(byte) 0xFF, (byte) 0xFF, 0x7F, 0x01, 0x02};
            assertThatThrownBy(() -> m.fromBytes(garbage)).as(m.describe())
                    .isInstanceOf(HaechiException.class)
                    .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                            .isEqualTo(ErrorCode.CORRUPT_STORED_DATA));
        }
        MeasureType sum = MeasureTypes.create("SUM", DataType.BIGINT);
        byte[] ok = sum.toBytes(sum.add(sum.init(), 300L));
        assertThatThrownBy(() -> sum.fromBytes(Arrays.copyOf(ok, ok.length - 1))).hasMessageContaining("truncated");
    }
}
