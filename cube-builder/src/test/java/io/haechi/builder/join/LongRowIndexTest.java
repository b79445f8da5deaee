package io.haechi.builder.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LongRowIndexTest {
    @Test
    void findsExactlyTheKeysAHashMapFinds() {
        SplittableRandom random = new SplittableRandom(7);
        Map<Long, Object[]> expected = new HashMap<>();
        while (expected.size() < 5_000) {
            // Small dense ids, negatives, and multiples of a power of two (same low bits) to force collisions.
            long key = switch (random.nextInt(3)) {
                case 0 -> random.nextLong(-10_000, 10_000);
                case 1 -> random.nextLong(1 << 20) << 20;
                default -> random.nextLong();
            };
            expected.put(key, new Object[] {key});
        }
        long[] keys = expected.keySet().stream().mapToLong(Long::longValue).toArray();
        Object[][] rows = new Object[keys.length][];
        for (int i = 0; i < keys.length; i++) {
            rows[i] = expected.get(keys[i]);
        }
        LongRowIndex index = LongRowIndex.of(keys, rows);
        for (long k : keys) {
            assertThat(index.get(k)).isSameAs(expected.get(k));
        }
        for (int i = 0; i < 20_000; i++) {
            long probe = random.nextLong(-20_000, 20_000);
            assertThat(index.get(probe)).isSameAs(expected.get(probe));
        }
    }

    @Test
    void anEmptyIndexFindsNothing() {
        assertThat(LongRowIndex.of(new long[0], new Object[0][]).get(0)).isNull();
    }
}
