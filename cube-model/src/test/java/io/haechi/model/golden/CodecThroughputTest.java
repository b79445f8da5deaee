package io.haechi.model.golden;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.dict.DateEncoding;
import io.haechi.model.dict.DictionaryBuilder;
import io.haechi.model.dict.DimensionEncoding;
import io.haechi.model.dict.FixedLengthEncoding;
import io.haechi.model.dict.IntegerEncoding;
import io.haechi.model.dict.OrderedDictionary;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.table.DataType;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Rough throughput of the codecs, printed for the record (JMH in {@code benchmarks/} is the real measure). Asserts only
 * that the work was done right, never how fast.
 */
class CodecThroughputTest {
    private boolean print;

    private void report(String what, long ops, long nanos) {
        if (!print) {
            return;
        }
        System.out.printf("throughput %-44s %,12.0f ops/s%n", what, ops / (nanos / 1e9));
    }

    @Test
    void dictionaryRowKeyAndCellThroughput() {
        // The first round warms the JIT up; the second prints.
        run();
        print = true;
        run();
    }

    private void run() {
        Random random = new Random(1);
        int n = 100_000;
        String[] values = new String[n];
        for (int i = 0; i < n; i++) {
            values[i] = "customer#" + String.format("%09d", random.nextInt(1_000_000));
        }
        long t0 = System.nanoTime();
        DictionaryBuilder b = new DictionaryBuilder(DataType.VARCHAR, "c_name");
        for (String v : values) {
            b.add(v);
        }
        OrderedDictionary dict = b.build();
        report("dictionary build (adds)", n, System.nanoTime() - t0);
        byte[] image = dict.toBytes();
        if (print) {
            System.out.printf("throughput dictionary of %,d strings of 18 chars: %,d bytes serialised (%.1f a value)%n",
                    dict.size(), image.length, image.length / (double) dict.size());
        }

        long checksum = 0;
        t0 = System.nanoTime();
        for (int rep = 0; rep < 3; rep++) {
            for (String v : values) {
                checksum += dict.idOf(v);
            }
        }
        report("dictionary value -> code", 3L * n, System.nanoTime() - t0);
        t0 = System.nanoTime();
        for (int rep = 0; rep < 3; rep++) {
            for (int id = 0; id < dict.size(); id++) {
                checksum += ((String) dict.valueOf(id)).length();
            }
        }
        report("dictionary code -> value", 3L * dict.size(), System.nanoTime() - t0);
        assertThat(checksum).isPositive();

        List<DimensionEncoding> enc = List.of(dict, new IntegerEncoding(DataType.INT, 2), new DateEncoding(),
                new FixedLengthEncoding(DataType.VARCHAR, 10));
        RowKeyCodec codec = new RowKeyCodec(enc, 8, 0);
        long base = codec.baseCuboid();
        byte[][] keys = new byte[n][];
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            keys[i] = codec.encodeValues(base, values[i], 1992 + (i % 7), LocalDate.ofEpochDay(8000 + i % 2000),
                    "MFGR#" + (i % 50));
        }
        report("row key encode from values (4 dims)", n, System.nanoTime() - t0);
        t0 = System.nanoTime();
        int decoded = 0;
        for (byte[] k : keys) {
            decoded += codec.decode(k).codes().length;
        }
        report("row key decode to codes", n, System.nanoTime() - t0);
        t0 = System.nanoTime();
        long target = codec.cuboidOf(1, 2);
        for (byte[] k : keys) {
            decoded += codec.project(k, target).length;
        }
        report("row key projection (rollup)", n, System.nanoTime() - t0);
        assertThat(decoded).isEqualTo(4 * n + n * (RowKeyCodec.HEADER_BYTES + 5));

        List<MeasureType> ms = List.of(MeasureTypes.create("COUNT", null), MeasureTypes.create("SUM", DataType.BIGINT),
                MeasureTypes.create("SUM", DataType.decimal(18, 2)), MeasureTypes.create("MAX", DataType.INT));
        MeasureRowCodec cells = new MeasureRowCodec(ms);
        Object[] states = {1234L, 987_654_321L, new java.math.BigDecimal("12345.67"), 42};
        byte[] cell = cells.encode(states);
        t0 = System.nanoTime();
        long bytes = 0;
        for (int i = 0; i < n; i++) {
            bytes += cells.encode(states).length;
        }
        report("measure cell encode (4 measures, " + cell.length + " bytes)", n, System.nanoTime() - t0);
        t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            bytes += cells.decode(cell).length;
        }
        report("measure cell decode", n, System.nanoTime() - t0);
        assertThat(bytes).isEqualTo((long) n * (cell.length + 4));
    }
}
