package io.haechi.model.rowkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.dict.BooleanEncoding;
import io.haechi.model.dict.DateEncoding;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.FixedLengthEncoding;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.dict.Values;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowKeyCodecTest {
    static final OrderedDictionary REGION =
            OrderedDictionary.of(DataType.VARCHAR, List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST"));

    /** region (dict, 1 byte), year (integer:2), day (date, 3), brand (fixed_length:4), promo (boolean). */
    static List<DimensionEncoding> encodings() {
        return List.of(REGION, new IntegerEncoding(DataType.INT, 2), new DateEncoding(),
                new FixedLengthEncoding(DataType.VARCHAR, 4), new BooleanEncoding());
    }

    static Object randomValue(int dim, Random r) {
        if (r.nextInt(12) == 0) {
            return null;
        }
        return switch (dim) {
            case 0 -> REGION.valueOf(r.nextInt(REGION.size()));
            case 1 -> 1992 + r.nextInt(7);
            case 2 -> LocalDate.of(1992, 1, 1).plusDays(r.nextInt(40));
            case 3 -> List.of("", "a", "ab", "b", "MFGR", "zz").get(r.nextInt(6));
            default -> r.nextBoolean();
        };
    }

    /** Tuple order with NULLs last per dimension. */
    static int compareTuples(List<DimensionEncoding> enc, int[] dims, Object[] a, Object[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] == null || b[j] == null) {
                if (a[j] != b[j]) {
                    return a[j] == null ? 1 : -1;
                }
                continue;
            }
            int c = Values.comparator(enc.get(dims[j]).type()).compare(a[j], b[j]);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Test
    void layoutIsShardCuboidThenCodesInRowKeyOrder() {
        RowKeyCodec codec = new RowKeyCodec(encodings(), 1, -1);
        assertThat(codec.baseCuboid()).isEqualTo(0b11111L);
        assertThat(codec.bit(0)).isEqualTo(0b10000L);
        long cuboid = codec.cuboidOf(0, 2);
        byte[] key = codec.encodeValues(cuboid, "ASIA", LocalDate.of(1970, 1, 2));
        assertThat(key).hasSize(2 + 8 + 1 + 3);
        assertThat(key).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0b10100, 2, 0x80, 0, 1);
        assertThat(codec.cuboid(key)).isEqualTo(cuboid);
        assertThat(codec.code(key, 2)).containsExactly(0x80, 0, 1);
        assertThat(codec.code(key, 1)).isNull();
        assertThat(codec.value(key, 0)).isEqualTo("ASIA");
        assertThat(codec.decodeValues(key)).containsExactly("ASIA", LocalDate.of(1970, 1, 2));
        assertThat(codec.codeOffset(cuboid, 2)).isEqualTo(11);
    }

    @Test
    void keyOrderEqualsTupleOrder() {
        Random random = new Random(77);
        List<DimensionEncoding> enc = encodings();
        RowKeyCodec codec = new RowKeyCodec(enc, 1, -1);
        for (long cuboid = 1; cuboid <= codec.baseCuboid(); cuboid++) {
            int[] dims = codec.dimensionsOf(cuboid);
            List<Object[]> tuples = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                Object[] t = new Object[dims.length];
                for (int j = 0; j < dims.length; j++) {
                    t[j] = randomValue(dims[j], random);
                }
                tuples.add(t);
            }
            for (Object[] a : tuples) {
                for (Object[] b : tuples) {
                    int byTuple = Integer.signum(compareTuples(enc, dims, a, b));
                    int byKey = Integer.signum(Arrays.compareUnsigned(codec.encodeValues(cuboid, a),
                            codec.encodeValues(cuboid, b)));
                    assertThat(byKey).as("cuboid %d: %s vs %s", cuboid, Arrays.toString(a), Arrays.toString(b))
                            .isEqualTo(byTuple);
                }
                assertThat(codec.decodeValues(codec.encodeValues(cuboid, a))).containsExactly(a);
            }
        }
    }

    @Test
    void shardComesFromTheShardByDimensionWhenPresent() {
        RowKeyCodec codec = new RowKeyCodec(encodings(), 7, 0);
        Random random = new Random(1);
        Set<Integer> shards = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            Object region = randomValue(0, random);
            byte[] a = codec.encodeValues(codec.baseCuboid(), region, 1995, LocalDate.of(1995, 1, 1), "a", true);
            byte[] b = codec.encodeValues(codec.cuboidOf(0, 1), region, 1992 + random.nextInt(7));
            assertThat(codec.shard(a)).isEqualTo(codec.shard(b)).isBetween(0, 6);
            assertThat(codec.decode(a).shard()).isEqualTo(codec.shard(a));
            // Without the shard-by dimension the whole key is hashed.
            byte[] c = codec.encodeValues(codec.cuboidOf(1, 2), 1992 + random.nextInt(7),
                    LocalDate.of(1992, 1, 1).plusDays(random.nextInt(300)));
            shards.add(codec.shard(c));
        }
        assertThat(shards).hasSizeGreaterThan(4);
        assertThat(new RowKeyCodec(encodings(), 1, 0).shard(
                new RowKeyCodec(encodings(), 1, 0).encodeValues(1L, true))).isZero();
    }

    @Test
    void projectionDropsDimensionsForRollup() {
        RowKeyCodec codec = new RowKeyCodec(encodings(), 5, 3);
        Random random = new Random(4);
        for (int i = 0; i < 300; i++) {
            Object[] base = new Object[5];
            for (int d = 0; d < 5; d++) {
                base[d] = randomValue(d, random);
            }
            byte[] key = codec.encodeValues(codec.baseCuboid(), base);
            long target = random.nextLong() & codec.baseCuboid();
            int[] dims = codec.dimensionsOf(target);
            Object[] projected = new Object[dims.length];
            for (int j = 0; j < dims.length; j++) {
                projected[j] = base[dims[j]];
            }
            assertThat(codec.project(key, target)).isEqualTo(codec.encodeValues(target, projected));
        }
        byte[] small = codec.encodeValues(codec.cuboidOf(0), "ASIA");
        assertThatThrownBy(() -> codec.project(small, codec.cuboidOf(1))).hasMessageContaining("not a subset");
    }

    @Test
    void corruptKeysAreRejected() {
        RowKeyCodec codec = new RowKeyCodec(encodings(), 3, -1);
        byte[] key = codec.encodeValues(codec.cuboidOf(0, 1), "ASIA", 1994);
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(key, key.length - 1))).isInstanceOf(HaechiException.class)
                .hasMessageContaining("needs 13");
        byte[] wrongShard = key.clone();
        wrongShard[1] = (byte) ((wrongShard[1] + 1) % 3);
        assertThatThrownBy(() -> codec.decode(wrongShard)).hasMessageContaining("differs from the computed");
        byte[] badCuboid = key.clone();
        badCuboid[2] = 1;
        assertThatThrownBy(() -> codec.decode(badCuboid)).hasMessageContaining("not a subset of the base cuboid");
        assertThatThrownBy(() -> codec.decode(new byte[4])).hasMessageContaining("shorter than the 10-byte header");
    }

    @Test
    void keyRangesCoverExactlyTheMatchingKeys() {
        Random random = new Random(2026);
        List<DimensionEncoding> enc = encodings();
        for (int trial = 0; trial < 400; trial++) {
            int shards = random.nextBoolean() ? 1 : 1 + random.nextInt(6);
            int shardBy = random.nextInt(6) - 1;
            RowKeyCodec codec = new RowKeyCodec(enc, shards, shardBy);
            long cuboid = 1 + random.nextInt((int) codec.baseCuboid());
            int[] dims = codec.dimensionsOf(cuboid);
            List<CodeRange> ranges = new ArrayList<>();
            int constrained = random.nextInt(dims.length + 1);
            for (int j = 0; j < constrained; j++) {
                if (random.nextInt(4) == 0) {
                    ranges.add(null);
                    continue;
                }
                DimensionEncoding e = enc.get(dims[j]);
                byte[] a = e.encode(randomValue(dims[j], random));
                byte[] b = random.nextInt(3) == 0 ? a : e.encode(randomValue(dims[j], random));
                ranges.add(Arrays.compareUnsigned(a, b) <= 0 ? new CodeRange(a, b) : new CodeRange(b, a));
            }
            int maxRanges = 1 + random.nextInt(20);
            List<KeyRange> keyRanges = codec.keyRanges(cuboid, ranges, maxRanges);
            assertThat(keyRanges.size()).isLessThanOrEqualTo(Math.max(1, maxRanges) * shards);
            for (int i = 0; i < 300; i++) {
                Object[] values = new Object[dims.length];
                for (int j = 0; j < dims.length; j++) {
                    values[j] = randomValue(dims[j], random);
                }
                byte[] key = codec.encodeValues(cuboid, values);
                boolean matches = true;
                int off = RowKeyCodec.HEADER_BYTES;
                for (int j = 0; j < dims.length; j++) {
                    if (j < ranges.size() && ranges.get(j) != null && !ranges.get(j).contains(key, off)) {
                        matches = false;
                    }
                    off += enc.get(dims[j]).width();
                }
                List<KeyRange> hits = keyRanges.stream().filter(r -> r.contains(key)).toList();
                assertThat(hits.size()).as("ranges are disjoint").isLessThanOrEqualTo(1);
                if (matches) {
                    assertThat(hits).as("trial %d: matching key %s in %s", trial, Arrays.toString(values), keyRanges)
                            .hasSize(1);
                } else if (!hits.isEmpty() && hits.get(0).exact()) {
                    throw new AssertionError("trial " + trial + ": non-matching key " + Arrays.toString(values)
                            + " inside exact range " + hits.get(0) + " for " + ranges);
                }
            }
            // Keys of other cuboids are never inside.
            long other = cuboid == 1 ? 2 : cuboid - 1;
            Object[] values = new Object[Long.bitCount(other)];
            byte[] otherKey = codec.encodeValues(other, values);
            assertThat(keyRanges.stream().anyMatch(r -> r.contains(otherKey))).isFalse();
        }
    }

    @Test
    void pointOnShardByDimensionScansOneShardAndSmallRangesExpandToExactPoints() {
        RowKeyCodec codec = new RowKeyCodec(encodings(), 8, 0);
        long cuboid = codec.cuboidOf(0, 1, 2);
        CodeRange asia = CodeRange.point(REGION.encode("ASIA"));
        List<KeyRange> one = codec.keyRanges(cuboid, List.of(asia), 10);
        assertThat(one).hasSize(1);
        assertThat(one.get(0).exact()).isTrue();
        CodeRange years = new CodeRange(new IntegerEncoding(DataType.INT, 2).encode(1993),
                new IntegerEncoding(DataType.INT, 2).encode(1995));
        CodeRange days = new CodeRange(new DateEncoding().encode("1993-01-01"),
                new DateEncoding().encode("1993-01-31"));
        List<KeyRange> expanded = codec.keyRanges(cuboid, List.of(asia, years, days), 10);
        assertThat(expanded).hasSize(3).allMatch(KeyRange::exact);
        List<KeyRange> capped = codec.keyRanges(cuboid, List.of(asia, years, days), 2);
        assertThat(capped).hasSize(1).noneMatch(KeyRange::exact);
        List<KeyRange> allShards = codec.keyRanges(cuboid, List.of(), 10);
        assertThat(allShards).hasSize(8);
        assertThat(allShards).isSortedAccordingTo(Comparator.comparing(KeyRange::start, Arrays::compareUnsigned));
    }
}
