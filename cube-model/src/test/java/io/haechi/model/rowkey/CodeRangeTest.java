package io.haechi.model.rowkey;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.dict.DateEncoding;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Filters become code ranges: a stored value is inside the range exactly when it satisfies the filter. */
class CodeRangeTest {
    private record Case(DimensionEncoding encoding, Function<Random, Object> values) {
    }

    @Test
    void rangeContainsExactlyTheValuesSatisfyingTheFilter() {
        Random random = new Random(8);
        List<Object> words = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            words.add("w" + random.nextInt(1000));
        }
        List<Case> cases = List.of(
                new Case(OrderedDictionary.of(DataType.VARCHAR, words), r -> "w" + r.nextInt(1000)),
                new Case(new IntegerEncoding(DataType.INT, 1), r -> r.nextInt(300) - 150),
                new Case(new DateEncoding(), r -> LocalDate.ofEpochDay(r.nextInt(100))));
        for (Case c : cases) {
            DimensionEncoding e = c.encoding();
            List<Object> stored = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                Object v = c.values().apply(random);
                if (e instanceof OrderedDictionary d) {
                    v = d.valueOf(random.nextInt(d.size()));
                } else if (e instanceof IntegerEncoding ie) {
                    v = (int) Math.max(ie.minValue(), Math.min(ie.maxValue(), (Integer) v));
                }
                stored.add(v);
            }
            for (int trial = 0; trial < 300; trial++) {
                Object lo = random.nextInt(5) == 0 ? null : c.values().apply(random);
                Object hi = random.nextInt(5) == 0 ? null : random.nextInt(4) == 0 ? lo : c.values().apply(random);
                boolean loIn = random.nextBoolean();
                boolean hiIn = random.nextBoolean();
                Optional<CodeRange> range = CodeRange.range(e, lo, loIn, hi, hiIn);
                for (Object v : stored) {
                    var order = Values.comparator(e.type());
                    boolean satisfies = (lo == null || (loIn ? order.compare(v, lo) >= 0 : order.compare(v, lo) > 0))
                            && (hi == null || (hiIn ? order.compare(v, hi) <= 0 : order.compare(v, hi) < 0));
                    boolean inside = range.isPresent() && range.get().contains(e.encode(v), 0);
                    assertThat(inside).as("%s: %s in %s%s, %s%s", e, v, loIn ? "[" : "(", lo, hi, hiIn ? "]" : ")")
                            .isEqualTo(satisfies);
                }
                if (range.isPresent()) {
                    assertThat(range.get().contains(e.nullCode(), 0)).as("NULL never satisfies a comparison")
                            .isFalse();
                }
            }
            assertThat(CodeRange.isNull(e).contains(e.encode(null), 0)).isTrue();
        }
    }
}
