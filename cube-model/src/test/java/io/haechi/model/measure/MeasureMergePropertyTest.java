package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.dict.GlobalDictionary;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Merging is associative and commutative with init as identity, and serialising a state loses nothing: for random
 * values split into random groups, merging the group states (each through its bytes) in random order and grouping
 * gives the answer of aggregating every value at once.
 */
class MeasureMergePropertyTest {
    private record Case(MeasureType type, Function<Random, Object> values) {
    }

    private static List<Case> cases() {
        GlobalDictionary dict = new GlobalDictionary(DataType.VARCHAR);
        return List.of(
                new Case(MeasureTypes.create("SUM", DataType.BIGINT), r -> nullable(r, (long) r.nextInt() * 1000)),
                new Case(MeasureTypes.create("SUM", DataType.INT), r -> nullable(r, r.nextInt(100))),
                new Case(MeasureTypes.create("SUM", DataType.decimal(18, 3)),
                        r -> nullable(r, BigDecimal.valueOf(r.nextLong() % 1_000_000_000_000L, 3))),
                new Case(MeasureTypes.create("SUM", DataType.DOUBLE), r -> nullable(r, (double) r.nextInt(1000) / 4)),
                new Case(MeasureTypes.create("COUNT", null), r -> nullable(r, 1)),
                new Case(MeasureTypes.create("COUNT", DataType.INT), r -> nullable(r, 1)),
                new Case(MeasureTypes.create("MIN", DataType.VARCHAR), r -> nullable(r, randomString(r))),
                new Case(MeasureTypes.create("MAX", DataType.VARCHAR), r -> nullable(r, randomString(r))),
                new Case(MeasureTypes.create("MIN", DataType.DATE),
                        r -> nullable(r, LocalDate.ofEpochDay(r.nextInt(40_000) - 20_000))),
                new Case(MeasureTypes.create("MAX", DataType.decimal(9, 2)),
                        r -> nullable(r, BigDecimal.valueOf(r.nextInt(), 2).divide(BigDecimal.valueOf(1000)))),
                new Case(MeasureTypes.create("MAX", DataType.DOUBLE), r -> nullable(r, r.nextGaussian())),
                new Case(MeasureTypes.create("COUNT_DISTINCT", DataType.INT), r -> nullable(r, r.nextInt(500))),
                new Case(MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT), r -> nullable(r, r.nextLong() >> 20)),
                new Case(MeasureTypes.create("COUNT_DISTINCT", DataType.VARCHAR, Map.of(), new MeasureContext(dict)),
                        r -> nullable(r, "u" + r.nextInt(300))),
                new Case(MeasureTypes.create("HLL", DataType.BIGINT, Map.of("lgK", "10"), MeasureContext.NONE),
                        r -> nullable(r, (long) r.nextInt(5000))));
    }

    private static Object nullable(Random r, Object v) {
        return r.nextInt(10) == 0 ? null : v;
    }

    private static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(6);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(r.nextInt(4) == 0 ? 0x1F600 + r.nextInt(50) : 'a' + r.nextInt(26));
        }
        return sb.toString();
    }

    @Test
    void mergeInAnyGroupingAndOrderEqualsOneAggregation() {
        Random random = new Random(20261125L);
        for (Case c : cases()) {
            MeasureType m = c.type();
            for (int trial = 0; trial < 20; trial++) {
                int n = random.nextInt(300);
                List<Object> values = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    values.add(c.values().apply(random));
                }
                Object all = m.init();
                for (Object v : values) {
                    all = m.add(all, v);
                }
                Object expected = m.result(all);

                // Random groups, each serialised and read back, merged in a random order and a random tree shape.
                int groups = 1 + random.nextInt(6);
                List<Object> states = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    states.add(m.init());
                }
                for (Object v : values) {
                    int g = random.nextInt(groups);
                    states.set(g, m.add(states.get(g), v));
                }
                List<Object> read = new ArrayList<>();
                for (Object s : states) {
                    byte[] bytes = m.toBytes(m.copy(s));
                    Object back = m.fromBytes(bytes);
                    if (m instanceof HllCountDistinctType) {
                        // A sparse HLL lists its coupons in hash-table order, which a re-read may change.
                        assertThat(m.result(back)).isEqualTo(m.result(s));
                    } else {
                        assertThat(m.toBytes(back)).as(m.describe() + " re-serialises identically")
                                .isEqualTo(bytes);
                    }
                    read.add(back);
                }
                Collections.shuffle(read, random);
                while (read.size() > 1) {
                    int i = random.nextInt(read.size() - 1);
                    Object right = read.remove(i + 1);
                    byte[] rightBefore = m.toBytes(m.copy(right));
                    Object merged = random.nextBoolean()
                            ? m.merge(read.get(i), right)
                            : m.merge(m.merge(m.init(), read.get(i)), right);
                    assertThat(m.toBytes(m.copy(right))).as(m.describe() + " merge leaves its 2nd argument")
                            .isEqualTo(rightBefore);
                    assertThat(m.result(m.merge(m.copy(right), m.init()))).as("init is the identity")
                            .isEqualTo(m.result(right));
                    read.set(i, merged);
                }
                Object actual = m.result(read.get(0));
                if (expected instanceof Double d) {
                    assertThat((Double) actual).as(m.describe())
                            .isCloseTo(d, org.assertj.core.data.Offset.offset(1e-6));
                } else {
                    assertThat(actual).as(m.describe() + " trial " + trial + " of " + values).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void copyIsIndependent() {
        Random random = new Random(7);
        for (Case c : cases()) {
            MeasureType m = c.type();
            Object s = m.init();
            for (int i = 0; i < 50; i++) {
                s = m.add(s, c.values().apply(random));
            }
            Object copy = m.copy(s);
            byte[] before = m.toBytes(m.copy(copy));
            Object s2 = s;
            for (int i = 0; i < 50; i++) {
                s2 = m.add(s2, c.values().apply(random));
            }
            assertThat(m.toBytes(copy)).as(m.describe()).isEqualTo(before);
            assertThat(Arrays.asList(m.result(copy))).isNotNull();
        }
    }
}
