package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.rowkey.MeasureRowCodec;
import io.haechi.model.table.DataType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PluggableKindTest {
    @Test
    void aKindOnTheClassPathIsFoundByNameAndWorksInACell() {
        assertThat(MeasureTypes.functions()).contains("BIT_OR");
        MeasureType bitOr = MeasureTypes.create("bit_or", DataType.BIGINT);
        MeasureType count = MeasureTypes.create("COUNT", null);
        Object s = bitOr.add(bitOr.add(bitOr.init(), 0b0101L), 0b0011L);
        MeasureRowCodec codec = new MeasureRowCodec(List.of(bitOr, count));
        byte[] cell = codec.encode(new Object[] {s, 5L});
        // The fixed-size state is written without a length: 8 bytes, then count's length and varint.
        assertThat(cell).hasSize(8 + 1 + 1);
        assertThat(bitOr.result(codec.decodeOne(cell, 0))).isEqualTo(0b0111L);
        assertThat(count.result(codec.decodeOne(cell, 1))).isEqualTo(5L);
    }
}
