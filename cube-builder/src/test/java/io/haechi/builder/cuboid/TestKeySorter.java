package io.haechi.builder.cuboid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TestKeySorter {
    @Test
    void sortsDistinctKeysAsUnsignedWordsWithTheirPayload() {
        Random random = new Random(3);
        for (int words = 1; words <= 3; words++) {
            for (int count : new int[] {0, 1, 2, 15, 17, 1000, 50_000}) {
                int stride = words + 1;
                long[] records = new long[count * stride];
                List<long[]> expected = new ArrayList<>();
                Set<List<Long>> seen = new HashSet<>();
                int filled = 0;
                while (filled < count) {
                    long[] record = new long[stride];
                    List<Long> key = new ArrayList<>();
                    for (int w = 0; w < words; w++) {
                        // Sign bits and small ranges both appear: unsigned order and ties on leading words.
                        record[w] = random.nextBoolean() ? random.nextLong() : random.nextInt(4);
                        key.add(record[w]);
                    }
                    if (!seen.add(key)) {
                        continue;
                    }
                    record[words] = filled;
                    System.arraycopy(record, 0, records, filled * stride, stride);
                    expected.add(record);
                    filled++;
                }
                int keyWords = words;
                expected.sort((a, b) -> {
                    for (int w = 0; w < keyWords; w++) {
                        int c = Long.compareUnsigned(a[w], b[w]);
                        if (c != 0) {
                            return c;
                        }
                    }
                    return 0;
                });
                new KeySorter(records, stride, words).sort(count);
                for (int i = 0; i < count; i++) {
                    long[] actual = new long[stride];
                    System.arraycopy(records, i * stride, actual, 0, stride);
                    assertThat(actual).as("words %d, count %d, position %d", words, count, i)
                            .isEqualTo(expected.get(i));
                }
            }
        }
    }

    @Test
    void sortedInputStaysFastAndCorrect() {
        int count = 200_000;
        long[] records = new long[count * 2];
        for (int i = 0; i < count; i++) {
            records[2 * i] = count - i;
            records[2 * i + 1] = i;
        }
        new KeySorter(records, 2, 1).sort(count);
        List<Long> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            keys.add(records[2 * i]);
        }
        assertThat(keys).isSortedAccordingTo(Comparator.naturalOrder()).first().isEqualTo(1L);
    }
}
