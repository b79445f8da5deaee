package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.dict.GlobalDictionary;
import io.haechi.model.table.DataType;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistinctCountTest {
    @Test
    void exactDistinctOf64BitIdsEqualsHashSetSize() {
        MeasureType cd = MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT);
        Random random = new Random(42);
        for (boolean dense : new boolean[] {false, true}) {
            Set<Long> oracle = new HashSet<>();
            Object[] segments = {cd.init(), cd.init(), cd.init()};
            for (int i = 0; i < 200_000; i++) {
                long id = dense ? (1L << 40) + random.nextInt(300_000)
                        : Roaring64ChoiceTest.splitmix(random.nextInt(150_000));
                if (i % 7 == 0) {
                    id = -id; // negative ids are ids too
                }
                oracle.add(id);
                int s = random.nextInt(3);
                segments[s] = cd.add(segments[s], id);
            }
            Object merged = cd.init();
            for (Object s : segments) {
                byte[] bytes = cd.toBytes(s);
                // Random ids are stored as gaps, dense ones as a portable Roaring64 bitmap.
                assertThat(bytes[0]).isEqualTo((byte) (dense ? CountDistinct64Type.FORMAT_ROARING
                        : CountDistinct64Type.FORMAT_GAPS));
                merged = cd.merge(merged, cd.fromBytes(bytes));
            }
            assertThat(cd.result(merged)).as(dense ? "dense" : "random").isEqualTo((long) oracle.size());
            assertThat(oracle.size()).isGreaterThan(100_000);
        }
    }

    @Test
    void exactDistinctOfStringsMergesAcrossSegmentsThroughTheGlobalDictionary() {
        GlobalDictionary dict = new GlobalDictionary(DataType.VARCHAR);
        MeasureType cd = MeasureTypes.create("COUNT_DISTINCT", DataType.VARCHAR, Map.of(), new MeasureContext(dict));
        Random random = new Random(3);
        Set<String> oracle = new HashSet<>();
        Object day1 = cd.init();
        Object day2 = cd.init();
        for (int i = 0; i < 20_000; i++) {
            String user = "user-" + random.nextInt(8_000);
            oracle.add(user);
            if (i < 10_000) {
                day1 = cd.add(day1, user);
            } else {
                day2 = cd.add(day2, user);
            }
        }
        // The query side needs no dictionary: it merges stored bitmaps.
        MeasureType reader = MeasureTypes.create("COUNT_DISTINCT", DataType.VARCHAR);
        Object merged = reader.merge(reader.fromBytes(cd.toBytes(day1)), reader.fromBytes(cd.toBytes(day2)));
        assertThat(reader.result(merged)).isEqualTo((long) oracle.size());
        assertThat(dict.size()).isEqualTo(oracle.size());
    }

    @Test
    void hllEstimatesStayWithinTheirStatedBound() {
        for (int lgK : new int[] {10, 12, 14}) {
            HllCountDistinctType hll = (HllCountDistinctType) MeasureTypes.create("APPROX_COUNT_DISTINCT",
                    DataType.VARCHAR, Map.of("lgK", String.valueOf(lgK)), MeasureContext.NONE);
            double bound = hll.relativeError(3);
            assertThat(bound).isBetween(0.5 * 3 * 1.04 / Math.sqrt(1 << lgK), 2 * 3 * 1.04 / Math.sqrt(1 << lgK));
            for (int n : new int[] {10, 1_000, 50_000, 300_000}) {
                Object a = hll.init();
                Object b = hll.init();
                for (int i = 0; i < n; i++) {
                    String v = "visitor-" + i;
                    a = hll.add(a, v);
                    if (i % 3 == 0) {
                        b = hll.add(b, v); // overlapping second sketch
                    }
                }
                long estimate = (Long) hll.result(
                        hll.merge(hll.fromBytes(hll.toBytes(a)), hll.fromBytes(hll.toBytes(b))));
                System.out.printf("hll lgK=%d n=%d estimate=%d error=%.4f bound(3sd)=%.4f bytes=%d%n", lgK, n, estimate,
                        Math.abs(estimate - n) / (double) n, bound, hll.toBytes(a).length);
                assertThat((double) Math.abs(estimate - n)).as("lgK %d n %d", lgK, n)
                        .isLessThanOrEqualTo(bound * n + 1);
            }
        }
    }
}
