package io.haechi.model.golden;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.dict.BooleanEncoding;
import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.DateEncoding;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.FixedLengthEncoding;
import io.haechi.model.dict.GlobalDictionary;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.measure.MeasureContext;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.table.DataType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Golden binaries pin the stored formats: the checked-in files under {@code src/test/resources/golden/} must decode to
 * the values below, and encoding those values today must give the same bytes. A changed format is a new version with
 * new files, never an edit of these. To create a missing file run once with {@code -Dhaechi.golden.write=true}; an
 * existing file is never overwritten.
 */
class GoldenFormatsTest {
    static final List<String> STRINGS = List.of("", "AFRICA", "AMERICA", "ASIA", "MIDDLE EAST", "한국", "😀");
    static final List<Integer> INTS = List.of(Integer.MIN_VALUE, -5, 0, 7, 1992, Integer.MAX_VALUE);

    static byte[] golden(String name, byte[] current) {
        Path source = Path.of("src/test/resources/golden", name);
        if (current != null && Boolean.getBoolean("haechi.golden.write") && !Files.exists(source)) {
            try {
                Files.createDirectories(source.getParent());
                Files.write(source, current);
                return current; // on the class path from the next build on
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try (InputStream in = GoldenFormatsTest.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("golden file %s (create it with -Dhaechi.golden.write=true)", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void stringDictionaryV1() {
        byte[] bytes = golden("dict-varchar-v1.bin", OrderedDictionary.of(DataType.varchar(20), STRINGS).toBytes());
        OrderedDictionary d = OrderedDictionary.fromBytes(bytes, "golden");
        assertThat(d.type()).isEqualTo(DataType.varchar(20));
        assertThat(d.width()).isEqualTo(1);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < d.size(); i++) {
            values.add(d.valueOf(i));
        }
        assertThat(values).containsExactlyElementsOf(STRINGS);
        assertThat(Arrays.copyOf(bytes, 5)).containsExactly('H', 'D', 'I', 'C', 1);
        assertThat(OrderedDictionary.of(DataType.varchar(20), STRINGS).toBytes()).isEqualTo(bytes);
    }

    /** Checked-in adversarial inputs (derived once from the golden files) must fail with a clear format error. */
    @Test
    void adversarialInputsFailClearly() {
        byte[] dict = golden("dict-varchar-v1.bin", null);
        byte[] truncated = golden("bad-dict-truncated.bin", Arrays.copyOf(dict, dict.length / 2));
        byte[] version = dict.clone();
        version[4] = 2;
        byte[] badVersion = golden("bad-dict-version-2.bin", version);
        byte[] cell = golden("measure-cell-v1.bin", null);
        byte[] cellTruncated = golden("bad-measure-cell-truncated.bin", Arrays.copyOf(cell, cell.length - 5));

        assertThatThrownBy(() -> OrderedDictionary.fromBytes(truncated, "bad-dict-truncated.bin"))
                .isInstanceOf(HaechiException.class)
                .hasMessage("dictionary bad-dict-truncated.bin is corrupt: checksum mismatch (truncated or damaged "
                        + "file)")
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.CORRUPT_STORED_DATA));
        assertThatThrownBy(() -> OrderedDictionary.fromBytes(badVersion, "bad-dict-version-2.bin"))
                .hasMessage("dictionary bad-dict-version-2.bin has format version 2; this Haechi reads version 1")
                .satisfies(e -> assertThat(((HaechiException) e).errorCode())
                        .isEqualTo(ErrorCode.UNSUPPORTED_FORMAT_VERSION));
        MeasureRowCodec codec = new MeasureRowCodec(measures(new GlobalDictionary(DataType.VARCHAR)));
        assertThatThrownBy(() -> codec.decode(cellTruncated)).isInstanceOf(HaechiException.class)
                .hasMessageContaining("corrupt")
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.CORRUPT_STORED_DATA));
    }

    @Test
    void intDictionaryV1() {
        byte[] bytes = golden("dict-int-v1.bin", OrderedDictionary.of(DataType.INT, INTS).toBytes());
        OrderedDictionary d = OrderedDictionary.fromBytes(bytes, "golden");
        assertThat(d.size()).isEqualTo(INTS.size());
        for (int i = 0; i < INTS.size(); i++) {
            assertThat(d.valueOf(i)).isEqualTo(INTS.get(i));
        }
        assertThat(OrderedDictionary.of(DataType.INT, INTS).toBytes()).isEqualTo(bytes);
    }

    @Test
    void globalDictionaryBaseAndDeltaV1() {
        GlobalDictionary g = new GlobalDictionary(DataType.VARCHAR);
        for (String s : List.of("u-42", "u-7", "u-1000")) {
            g.getOrAdd(s);
        }
        byte[] base = golden("global-dict-base-v1.bin", g.toBytes());
        g.getOrAdd("u-9");
        g.getOrAdd("u-42");
        byte[] delta = golden("global-dict-delta-v1.bin", g.toBytesSince(3));
        GlobalDictionary back = GlobalDictionary.fromBytes("golden", base, delta);
        assertThat(back.size()).isEqualTo(4);
        assertThat(List.of(back.valueOf(0), back.valueOf(1), back.valueOf(2), back.valueOf(3)))
                .containsExactly("u-42", "u-7", "u-1000", "u-9");
        assertThat(g.toBytesSince(3)).isEqualTo(delta);
    }

    static RowKeyCodec rowKeyCodec() {
        OrderedDictionary region = OrderedDictionary.of(DataType.VARCHAR, STRINGS);
        List<DimensionEncoding> enc = List.of(region, new IntegerEncoding(DataType.INT, 2), new DateEncoding(),
                new FixedLengthEncoding(DataType.VARCHAR, 4), new BooleanEncoding());
        return new RowKeyCodec(enc, 4, 3);
    }

    static final Object[][] ROWS = {
        {31L, "ASIA", 1994, LocalDate.of(1994, 3, 1), "MF#1", true},
        {31L, null, -1, LocalDate.of(1969, 12, 31), "", false},
        {31L, "😀", 32766, null, null, null},
        {0b10100L, "AFRICA", LocalDate.of(1998, 8, 2)},
        {0b00010L, "abcd"},
        {0b01000L, -32768},
    };

    @Test
    void rowKeysV1() {
        RowKeyCodec codec = rowKeyCodec();
        ByteWriter all = new ByteWriter();
        for (Object[] row : ROWS) {
            byte[] key = codec.encodeValues((Long) row[0], Arrays.copyOfRange(row, 1, row.length));
            all.writeVarInt(key.length).writeBytes(key);
        }
        byte[] bytes = golden("rowkeys-v1.bin", all.toByteArray());
        assertThat(bytes).isEqualTo(all.toByteArray());
        ByteReader r = new ByteReader(bytes, "golden row keys");
        for (Object[] row : ROWS) {
            byte[] key = r.readBytes(r.readVarIntNonNegative("length"), "key");
            assertThat(codec.cuboid(key)).isEqualTo(row[0]);
            assertThat(codec.decodeValues(key)).containsExactly(Arrays.copyOfRange(row, 1, row.length));
            assertThat(codec.shard(key)).isBetween(0, 3);
        }
        r.expectEnd();
    }

    static List<MeasureType> measures(GlobalDictionary dict) {
        return List.of(MeasureTypes.create("COUNT", null), MeasureTypes.create("SUM", DataType.BIGINT),
                MeasureTypes.create("SUM", DataType.decimal(15, 2)), MeasureTypes.create("SUM", DataType.DOUBLE),
                MeasureTypes.create("MIN", DataType.DATE), MeasureTypes.create("MAX", DataType.VARCHAR),
                MeasureTypes.create("MAX", DataType.TIMESTAMP),
                MeasureTypes.create("COUNT_DISTINCT", DataType.INT),
                MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT),
                MeasureTypes.create("COUNT_DISTINCT", DataType.VARCHAR, Map.of(), new MeasureContext(dict)),
                MeasureTypes.create("HLL", DataType.BIGINT, Map.of("lgK", "8"), MeasureContext.NONE),
                MeasureTypes.create("SUM", DataType.INT));
    }

    static Object[] cellStates(List<MeasureType> ms) {
        Object[] s = new Object[ms.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ms.get(i).init();
        }
        for (int r = 0; r < 100; r++) {
            Object[] row = {null, (long) r * r - 2000, new BigDecimal(r + ".25"), r / 8.0,
                LocalDate.of(1992, 1, 1).plusDays(r), "item-" + (r % 17),
                LocalDateTime.of(2024, 1, 1, 0, 0).plusSeconds(r),
                r % 10, (1L << 40) + r * 3L, "user-" + (r % 33), (long) r, null};
            for (int i = 0; i < s.length; i++) {
                s[i] = ms.get(i).add(s[i], row[i]);
            }
        }
        return s;
    }

    @Test
    void measureCellV1() {
        GlobalDictionary dict = new GlobalDictionary(DataType.VARCHAR);
        List<MeasureType> ms = measures(dict);
        MeasureRowCodec codec = new MeasureRowCodec(ms);
        byte[] current = codec.encode(cellStates(ms));
        byte[] bytes = golden("measure-cell-v1.bin", current);
        assertThat(current).isEqualTo(bytes);
        Object[] states = codec.decode(bytes);
        List<Object> results = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            results.add(ms.get(i).result(states[i]));
        }
        long sumSquares = 0;
        for (int r = 0; r < 100; r++) {
            sumSquares += (long) r * r - 2000;
        }
        assertThat(results).containsExactly(100L, sumSquares, new BigDecimal("4975.00"), 99 * 100 / 2 / 8.0,
                LocalDate.of(1992, 1, 1), "item-9", LocalDateTime.of(2024, 1, 1, 0, 1, 39), 10L, 100L, 33L,
                results.get(10), null);
        double bound = ((io.haechi.model.measure.HllCountDistinctType) ms.get(10)).relativeError(3);
        assertThat((double) (Long) results.get(10)).isCloseTo(100.0, org.assertj.core.data.Offset.offset(100 * bound));
    }
}
