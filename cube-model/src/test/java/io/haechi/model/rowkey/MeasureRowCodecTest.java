package io.haechi.model.rowkey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.dict.ByteWriter;
import io.haechi.model.error.HaechiException;
import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeasureRowCodecTest {
    static List<MeasureType> measures() {
        return List.of(MeasureTypes.create("COUNT", null), MeasureTypes.create("SUM", DataType.BIGINT),
                MeasureTypes.create("SUM", DataType.decimal(18, 2)), MeasureTypes.create("MAX", DataType.VARCHAR),
                MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT), MeasureTypes.create("MIN", DataType.DOUBLE));
    }

    static Object[] states(List<MeasureType> ms, int rows) {
        Object[] s = new Object[ms.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = ms.get(i).init();
        }
        for (int r = 0; r < rows; r++) {
            s[0] = ms.get(0).add(s[0], r);
            s[1] = ms.get(1).add(s[1], r * 1000L);
            s[2] = ms.get(2).add(s[2], new BigDecimal(r + ".05"));
            s[3] = ms.get(3).add(s[3], "v" + r);
            s[4] = ms.get(4).add(s[4], (long) r % 5);
            s[5] = ms.get(5).add(s[5], r / 3.0);
        }
        return s;
    }

    @Test
    void roundTripsAllAndOne() {
        List<MeasureType> ms = measures();
        MeasureRowCodec codec = new MeasureRowCodec(ms);
        for (int rows : new int[] {0, 1, 7, 1000}) {
            Object[] s = states(ms, rows);
            byte[] cell = codec.encode(s);
            Object[] back = codec.decode(cell);
            for (int i = 0; i < ms.size(); i++) {
                assertThat(ms.get(i).result(back[i])).isEqualTo(ms.get(i).result(s[i]));
                assertThat(ms.get(i).result(codec.decodeOne(cell, i))).isEqualTo(ms.get(i).result(s[i]));
            }
        }
        // No rows: count 0, NULL sums and max (empty states), an empty bitmap, NULL min.
        assertThat(codec.decode(codec.encode(states(ms, 0)))).extracting(x -> x == null ? "null" : x.toString())
                .hasSize(6);
        ByteWriter w = new ByteWriter();
        w.writeByte(0x55);
        codec.encode(states(ms, 3), w);
        assertThat(codec.decode(w.toByteArray(), 1, w.size() - 1)[0]).isEqualTo(3L);
    }

    @Test
    void truncatedCellsFailClearly() {
        MeasureRowCodec codec = new MeasureRowCodec(measures());
        byte[] cell = codec.encode(states(measures(), 10));
        assertThatThrownBy(() -> codec.decode(Arrays.copyOf(cell, cell.length - 2))).isInstanceOf(HaechiException.class)
                .hasMessageContaining("measure cell is corrupt");
        byte[] longer = Arrays.copyOf(cell, cell.length + 1);
        assertThatThrownBy(() -> codec.decode(longer)).hasMessageContaining("trailing");
    }
}
