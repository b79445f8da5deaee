package io.haechi.builder.segment;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.measure.MeasureType;
import io.haechi.model.measure.MeasureTypes;
import io.haechi.model.table.DataType;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/** The engine's 64-bit distinct state stores exactly the bytes of cube-model's COUNT_DISTINCT 64 type. */
class Roaring64DistinctFunctionTest {
    private final MeasureType type = MeasureTypes.create("COUNT_DISTINCT", DataType.BIGINT);
    private final Roaring64DistinctFunction f = new Roaring64DistinctFunction("reach", type);

    @Test
    void cellBytesEqualTheMeasureTypesBytesForSmallAndLargeSets() {
        Random random = new Random(7);
        for (int trial = 0; trial < 400; trial++) {
            int n = random.nextInt(80);
            DistinctLongs state = f.init(Roaring64DistinctFunction.NULL_ID);
            Roaring64Bitmap expected = new Roaring64Bitmap();
            for (int i = 0; i < n; i++) {
                long id = switch (trial % 4) {
                    case 0 -> random.nextLong();
                    case 1 -> random.nextInt(1000);
                    case 2 -> 3_000_000_000L + random.nextInt(50);
                    default -> random.nextInt(1 << 20) - (1 << 19);
                };
                state = f.merge(state, f.init(id));
                expected.addLong(id);
            }
            byte[] want = type.toBytes(expected);
            assertThat(f.cell(state)).as("trial %d with %d ids", trial, n).isEqualTo(want);
            assertThat(((Roaring64Bitmap) type.fromBytes(f.cell(state))).getLongCardinality())
                    .isEqualTo(expected.getLongCardinality());
            ByteBuffer spill = ByteBuffer.allocate(f.serializedSize(state));
            f.serialize(state, spill);
            assertThat(spill.remaining()).isZero();
            spill.flip();
            assertThat(f.cell(f.deserialize(spill, spill.remaining()))).isEqualTo(want);
        }
    }
}
