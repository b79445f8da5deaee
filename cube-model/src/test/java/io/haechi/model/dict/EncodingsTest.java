package io.haechi.model.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EncodingsTest {
    private static void assertOrderPreserving(DimensionEncoding e, List<Object> values) {
        for (Object a : values) {
            for (Object b : values) {
                int byValue = Integer.signum(Values.comparator(e.type()).compare(a, b));
                int byCode = Integer.signum(Arrays.compareUnsigned(e.encode(a), e.encode(b)));
                assertThat(byCode).as("%s: %s vs %s", e.spec(), a, b).isEqualTo(byValue);
            }
            assertThat(e.decode(e.encode(a))).isEqualTo(a);
            assertThat(Arrays.compareUnsigned(e.encode(a), e.nullCode())).as("NULL sorts last").isNegative();
        }
        assertThat(e.decode(e.encode(null))).isNull();
        assertThat(e.encode(null)).isEqualTo(e.nullCode());
    }

    @Test
    void integerEncodingPreservesSignedOrderInEveryWidth() {
        Random random = new Random(9);
        for (int width = 1; width <= 8; width++) {
            IntegerEncoding e = new IntegerEncoding(DataType.BIGINT, width);
            assertThat(e.width()).isEqualTo(width);
            List<Object> values = new ArrayList<>(List.of(e.minValue(), e.maxValue(), 0L, -1L, 1L));
            for (int i = 0; i < 60; i++) {
                long v = e.minValue() + (long) (random.nextDouble() * ((double) e.maxValue() - e.minValue()));
                values.add(Math.max(e.minValue(), Math.min(e.maxValue(), v)));
            }
            assertOrderPreserving(e, values);
            int w = width;
            // The largest value of the width is NULL's code, so it is out of range, as is anything beyond.
            if (width < 8) {
                assertThatThrownBy(() -> e.encode((1L << (8 * w - 1)) - 1)).isInstanceOf(HaechiException.class)
                        .hasMessageContaining("outside the encoding's range");
            } else {
                assertThatThrownBy(() -> e.encode(Long.MAX_VALUE)).hasMessageContaining("outside");
            }
        }
        assertThat(new IntegerEncoding(DataType.INT, 4).decode(new IntegerEncoding(DataType.INT, 4).encode(-5)))
                .isEqualTo(-5);
        assertThat(EncodingSpec.parse("integer").create(DataType.SMALLINT, null).width()).isEqualTo(2);
    }

    @Test
    void integerRangeLookupsHandleFractionsAndOutOfRangeBounds() {
        IntegerEncoding e = new IntegerEncoding(DataType.INT, 2);
        assertThat(e.decode(e.ceilingCode(new BigDecimal("2.5"), true))).isEqualTo(3);
        assertThat(e.decode(e.ceilingCode(2, false))).isEqualTo(3);
        assertThat(e.decode(e.floorCode(2.5, false))).isEqualTo(2);
        assertThat(e.decode(e.floorCode(-2.5, true))).isEqualTo(-3);
        assertThat(e.ceilingCode(100_000, true)).isNull(); // above every storable value
        assertThat(e.decode(e.floorCode(100_000, true))).isEqualTo(32_766);
        assertThat(e.decode(e.ceilingCode(-100_000, true))).isEqualTo(-32_768);
        assertThat(e.floorCode(-100_000, true)).isNull();
        assertThat(e.floorCode(-32_768, false)).isNull();
    }

    @Test
    void dateTimestampAndBooleanEncodings() {
        DateEncoding d = new DateEncoding();
        assertThat(d.width()).isEqualTo(3);
        assertOrderPreserving(d, List.of(LocalDate.of(1970, 1, 1), LocalDate.of(1969, 12, 31),
                LocalDate.of(1992, 1, 1), LocalDate.of(1998, 8, 2), LocalDate.of(9999, 12, 31), LocalDate.of(1, 1, 1)));
        assertThat(d.decode(d.encode("1998-08-02"))).isEqualTo(LocalDate.of(1998, 8, 2));
        assertThat(d.decode(d.encode(10_000))).isEqualTo(LocalDate.ofEpochDay(10_000));
        assertThat(d.decode(d.ceilingCode(LocalDate.of(2024, 2, 29), false))).isEqualTo(LocalDate.of(2024, 3, 1));

        TimestampEncoding t = new TimestampEncoding();
        assertOrderPreserving(t, List.of(LocalDateTime.of(2024, 1, 1, 0, 0),
                LocalDateTime.of(2024, 1, 1, 0, 0, 0, 1000),
                LocalDateTime.of(1900, 5, 5, 23, 59, 59, 999_999_000), LocalDateTime.of(2100, 1, 1, 12, 0)));

        BooleanEncoding b = new BooleanEncoding();
        assertOrderPreserving(b, List.of(false, true));
        assertThat(b.decode(b.encode("yes"))).isEqualTo(true);
        assertThatThrownBy(() -> b.encode("maybe")).hasMessageContaining("expected true/false");
    }

    @Test
    void fixedLengthPadsButNeverTruncates() {
        FixedLengthEncoding e = new FixedLengthEncoding(DataType.VARCHAR, 6);
        assertThat(e.encode("ab")).containsExactly('a', 'b', 0, 0, 0, 0);
        assertThat(e.decode(e.encode(""))).isEqualTo("");
        assertThat(e.encode(null)).isEqualTo(e.nullCode());
        assertThat(e.decode(e.encode("한국"))).isEqualTo("한국"); // 6 UTF-8 bytes exactly
        assertThatThrownBy(() -> e.encode("한국a")).isInstanceOf(HaechiException.class)
                .hasMessageContaining("its UTF-8 form has 7 bytes, more than 6")
                .hasMessageContaining("never truncated")
                .satisfies(x -> assertThat(((HaechiException) x).errorCode()).isEqualTo(ErrorCode.VALUE_NOT_ENCODABLE));
        assertThatThrownBy(() -> e.encode("a\0b")).hasMessageContaining("U+0000");
        Random random = new Random(2);
        List<Object> values = new ArrayList<>();
        while (values.size() < 80) {
            String s = OrderedDictionaryTest.randomString(random);
            if (s.getBytes(StandardCharsets.UTF_8).length <= 6) {
                values.add(s);
            }
        }
        assertOrderPreserving(e, values);
    }

    @Test
    void fixedLengthRangeLookupsMatchBruteForceOverStorableValues() {
        FixedLengthEncoding e = new FixedLengthEncoding(DataType.VARCHAR, 3);
        // Every storable string over a small alphabet, then probes that include too-long strings.
        List<String> storable = new ArrayList<>();
        String alphabet = "abz";
        storable.add("");
        for (int len = 1; len <= 3; len++) {
            int total = (int) Math.pow(alphabet.length(), len);
            for (int i = 0; i < total; i++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0, x = i; k < len; k++, x /= alphabet.length()) {
                    sb.append(alphabet.charAt(x % alphabet.length()));
                }
                storable.add(sb.toString());
            }
        }
        List<String> probes = new ArrayList<>(storable);
        probes.addAll(List.of("abzz", "zzzz", "a\0", "b\0z", "aaaa", "ba", "c", "zzz", "bb"));
        for (String probe : probes) {
            for (boolean inclusive : new boolean[] {true, false}) {
                byte[] ceiling = e.ceilingCode(probe, inclusive);
                byte[] floor = e.floorCode(probe, inclusive);
                for (String s : storable) {
                    int c = Values.compareCodePoints(s, probe);
                    boolean above = inclusive ? c >= 0 : c > 0;
                    boolean below = inclusive ? c <= 0 : c < 0;
                    byte[] code = e.encode(s);
                    boolean inCeiling = ceiling != null && Arrays.compareUnsigned(code, ceiling) >= 0;
                    boolean inFloor = floor != null && Arrays.compareUnsigned(code, floor) <= 0;
                    assertThat(inCeiling).as("'%s' >= ceiling of '%s' (%s)", s, probe, inclusive).isEqualTo(above);
                    assertThat(inFloor).as("'%s' <= floor of '%s' (%s)", s, probe, inclusive).isEqualTo(below);
                }
            }
        }
    }

    @Test
    void encodingSpecsParseAndNameTheirProblems() {
        assertThat(EncodingSpec.parse("fixed_length:12").toString()).isEqualTo("fixed_length:12");
        assertThat(EncodingSpec.parse(" Integer:4 ")).isEqualTo(new EncodingSpec(EncodingSpec.Kind.INTEGER, 4));
        assertThat(EncodingSpec.parse("date").create(DataType.DATE, null)).isInstanceOf(DateEncoding.class);
        assertThat(EncodingSpec.parse("boolean").create(DataType.BOOLEAN, null).spec()).isEqualTo("boolean");
        assertThat(EncodingSpec.parse("timestamp").create(DataType.TIMESTAMP, null).width()).isEqualTo(8);
        assertThatThrownBy(() -> EncodingSpec.parse("trie")).hasMessageContaining("'trie' is not a dimension encoding");
        assertThatThrownBy(() -> EncodingSpec.parse("fixed_length")).hasMessageContaining("needs a length");
        assertThatThrownBy(() -> EncodingSpec.parse("integer:9").create(DataType.INT, null))
                .hasMessageContaining("integer:N takes N from 1 to 8");
        assertThatThrownBy(() -> EncodingSpec.parse("date").create(DataType.VARCHAR, null))
                .hasMessageContaining("needs a DATE column, got VARCHAR");
        assertThatThrownBy(() -> EncodingSpec.parse("fixed_length:4").create(DataType.INT, null))
                .hasMessageContaining("needs a CHAR or VARCHAR column");
    }
}
