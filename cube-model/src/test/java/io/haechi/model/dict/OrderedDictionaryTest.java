package io.haechi.model.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class OrderedDictionaryTest {
    static String randomString(Random r) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(8);
        for (int i = 0; i < n; i++) {
            int kind = r.nextInt(10);
            sb.appendCodePoint(kind == 0 ? 0x1F600 + r.nextInt(80) : kind == 1 ? 0xE000 + r.nextInt(0x1FFF)
                    : kind == 2 ? 0xE9 + r.nextInt(40) : 'a' + r.nextInt(6));
        }
        return sb.toString();
    }

    private record TypeCase(DataType type, Function<Random, Object> values) {
    }

    private static List<TypeCase> typeCases() {
        return List.of(
                new TypeCase(DataType.VARCHAR, OrderedDictionaryTest::randomString),
                new TypeCase(DataType.INT, r -> r.nextInt(3) == 0 ? r.nextInt() : r.nextInt(200) - 100),
                new TypeCase(DataType.BIGINT, r -> r.nextLong() >> r.nextInt(64)),
                new TypeCase(DataType.decimal(20, 3), r -> BigDecimal.valueOf(r.nextLong() >> r.nextInt(64), 3)),
                new TypeCase(DataType.DOUBLE,
                        r -> r.nextInt(10) == 0 ? -0.0 : r.nextGaussian() * Math.pow(10, r.nextInt(20) - 10)),
                new TypeCase(DataType.DATE, r -> LocalDate.ofEpochDay(r.nextInt(60_000) - 30_000)));
    }

    @Test
    void codesSortLikeValuesAndRoundTrip() {
        Random random = new Random(11);
        for (TypeCase c : typeCases()) {
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                values.add(c.values().apply(random));
            }
            OrderedDictionary dict = OrderedDictionary.of(c.type(), values);
            Comparator<Object> order = Values.comparator(c.type());
            assertThat(dict.size()).isEqualTo(countDistinct(values, order));
            for (int i = 0; i < 5000; i++) {
                Object a = values.get(random.nextInt(values.size()));
                Object b = values.get(random.nextInt(values.size()));
                int byValue = Integer.signum(order.compare(a, b));
                int byCode = Integer.signum(Arrays.compareUnsigned(dict.encode(a), dict.encode(b)));
                assertThat(byCode).as("%s: %s vs %s", c.type(), a, b).isEqualTo(byValue);
                assertThat(dict.decode(dict.encode(a))).isEqualTo(a);
            }
            // Round trip through the format too.
            OrderedDictionary back = OrderedDictionary.fromBytes(dict.toBytes(), "test");
            assertThat(back.size()).isEqualTo(dict.size());
            assertThat(back.toBytes()).isEqualTo(dict.toBytes());
            for (int id = 0; id < dict.size(); id++) {
                assertThat(back.valueOf(id)).isEqualTo(dict.valueOf(id));
            }
        }
    }

    private static int countDistinct(List<Object> values, Comparator<Object> order) {
        TreeSet<Object> set = new TreeSet<>(order);
        set.addAll(values);
        return set.size();
    }

    @Test
    void rangeLookupsForMissingValuesMatchBruteForce() {
        Random random = new Random(5);
        for (TypeCase c : typeCases()) {
            Comparator<Object> order = Values.comparator(c.type());
            List<Object> stored = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                stored.add(c.values().apply(random));
            }
            OrderedDictionary dict = OrderedDictionary.of(c.type(), stored);
            List<Object> sorted = new ArrayList<>(new TreeSet<>(order) {{ addAll(stored); }});
            for (int i = 0; i < 3000; i++) {
                Object probe = random.nextBoolean()
                        ? c.values().apply(random) : sorted.get(random.nextInt(sorted.size()));
                for (boolean inclusive : new boolean[] {true, false}) {
                    int ceiling = -1;
                    for (int k = 0; k < sorted.size(); k++) {
                        int cmp = order.compare(sorted.get(k), probe);
                        if (inclusive ? cmp >= 0 : cmp > 0) {
                            ceiling = k;
                            break;
                        }
                    }
                    int floor = -1;
                    for (int k = sorted.size() - 1; k >= 0; k--) {
                        int cmp = order.compare(sorted.get(k), probe);
                        if (inclusive ? cmp <= 0 : cmp < 0) {
                            floor = k;
                            break;
                        }
                    }
                    assertThat(dict.ceilingId(probe, inclusive)).as("%s ceiling %s", c.type(), probe)
                            .isEqualTo(ceiling);
                    assertThat(dict.floorId(probe, inclusive)).as("%s floor %s", c.type(), probe).isEqualTo(floor);
                }
            }
        }
    }

    @Test
    void filterOnAMissingStringBecomesACodeRange() {
        OrderedDictionary dict = OrderedDictionary.of(DataType.VARCHAR, List.of("ASIA", "EUROPE", "AMERICA", "AFRICA"));
        // x > 'M': codes of EUROPE.. none; x > 'B': EUROPE only; x < 'B': AFRICA, AMERICA, ASIA.
        assertThat(dict.ceilingId("M", false)).isEqualTo(-1);
        assertThat(dict.ceilingCode("M", false)).isNull();
        assertThat(dict.ceilingId("B", false)).isEqualTo(dict.idOf("EUROPE"));
        assertThat(dict.floorId("B", false)).isEqualTo(dict.idOf("ASIA"));
        assertThat(dict.floorId("A", true)).isEqualTo(-1);
        assertThat(dict.idOf("OCEANIA")).isEqualTo(-1);
        assertThatThrownBy(() -> dict.encode("OCEANIA")).isInstanceOf(HaechiException.class)
                .hasMessageContaining("'OCEANIA' is not in the VARCHAR dictionary of 4 values");
    }

    @Test
    void nullHasTheAllOnesCodeWhichSortsLast() {
        OrderedDictionary dict = OrderedDictionary.of(DataType.VARCHAR, Arrays.asList("a", null, "b"));
        assertThat(dict.size()).isEqualTo(2);
        assertThat(dict.encode(null)).containsExactly(0xFF);
        assertThat(dict.decode(new byte[] {(byte) 0xFF})).isNull();
        assertThat(Arrays.compareUnsigned(dict.encode(null), dict.maxCode())).isPositive();
        assertThat(dict.idOf(null)).isEqualTo(-1);
    }

    @Test
    void widthGrowsWithCardinalityLeavingRoomForNull() {
        assertThat(OrderedDictionary.widthFor(0)).isEqualTo(1);
        assertThat(OrderedDictionary.widthFor(255)).isEqualTo(1);
        assertThat(OrderedDictionary.widthFor(256)).isEqualTo(2);
        assertThat(OrderedDictionary.widthFor(65_535)).isEqualTo(2);
        assertThat(OrderedDictionary.widthFor(65_536)).isEqualTo(3);
        assertThat(OrderedDictionary.widthFor(16_777_215)).isEqualTo(3);
        assertThat(OrderedDictionary.widthFor(16_777_216)).isEqualTo(4);
        for (int n : new int[] {255, 256, 65_535, 65_536}) {
            DictionaryBuilder b = new DictionaryBuilder(DataType.INT, "d");
            for (int i = n - 1; i >= 0; i--) {
                b.add(i);
            }
            OrderedDictionary d = b.build();
            assertThat(d.size()).isEqualTo(n);
            assertThat(d.width()).isEqualTo(OrderedDictionary.widthFor(n));
            assertThat(d.maxCode()).isNotEqualTo(d.nullCode());
            assertThat(d.decode(d.encode(n - 1))).isEqualTo(n - 1);
        }
    }

    @Test
    void builderTakesAnyOrderAndManyDuplicates() {
        Random random = new Random(1);
        DictionaryBuilder b = new DictionaryBuilder(DataType.VARCHAR, "lo_shipmode");
        TreeSet<String> oracle = new TreeSet<>(Values.CODE_POINT_ORDER);
        for (int i = 0; i < 400_000; i++) {
            String v = "mode-" + random.nextInt(1000);
            oracle.add(v);
            b.add(v);
            if (i % 1000 == 0) {
                b.add(null);
            }
        }
        OrderedDictionary d = b.build();
        assertThat(d.size()).isEqualTo(oracle.size());
        int id = 0;
        for (String v : oracle) {
            assertThat(d.valueOf(id)).isEqualTo(v);
            assertThat(d.idOf(v)).isEqualTo(id++);
        }
    }

    @Test
    void builderRefusesTooManyDistinctValuesWithAHint() {
        DictionaryBuilder b = new DictionaryBuilder(DataType.BIGINT, "user_id", 100_000);
        assertThatThrownBy(() -> {
            for (long i = 0; i < 300_000; i++) {
                b.add(i * 7919 % 300_007);
            }
            b.build();
        }).isInstanceOf(HaechiException.class).hasMessageContaining("dimension user_id has more than 100000 distinct")
                .hasMessageContaining("integer:N");
    }

    @Test
    void corruptBytesGiveClearErrors() {
        byte[] good = OrderedDictionary.of(DataType.VARCHAR, List.of("apple", "apricot", "banana")).toBytes();
        assertThat(OrderedDictionary.fromBytes(good, "d").size()).isEqualTo(3);

        assertThatThrownBy(() -> OrderedDictionary.fromBytes(Arrays.copyOf(good, good.length - 3), "seg1/d.dict"))
                .isInstanceOf(HaechiException.class).hasMessageContaining("dictionary seg1/d.dict")
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.CORRUPT_STORED_DATA));
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(Arrays.copyOf(good, 3), "d"))
                .hasMessageContaining("truncated");
        byte[] version = good.clone();
        version[4] = 9;
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(version, "d")).isInstanceOf(HaechiException.class)
                .hasMessage("dictionary d has format version 9; this Haechi reads version 1")
                .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT_VERSION));
        byte[] magic = good.clone();
        magic[0] = 'X';
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(magic, "d"))
                .hasMessageContaining("not a Haechi dictionary");
        byte[] flipped = good.clone();
        flipped[good.length - 8] ^= 0x01;
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(flipped, "d")).hasMessageContaining("checksum mismatch");
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(new byte[0], "d")).hasMessageContaining("truncated");
    }
}
