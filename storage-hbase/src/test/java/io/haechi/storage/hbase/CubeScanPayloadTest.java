package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.ScanLayout;
import io.haechi.model.table.DataType;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CubeScanPayloadTest {
    private static final ScanLayout LAYOUT = new ScanLayout(List.of(1, 2, 3, 8), 4, List.of(
            new ScanLayout.MeasureSpec("SUM", DataType.decimal(18, 2), Map.of()),
            new ScanLayout.MeasureSpec("COUNT", null, Map.of()),
            new ScanLayout.MeasureSpec("APPROX_COUNT_DISTINCT", DataType.VARCHAR, Map.of("precision", "12",
                    "a", "b"))));

    @Test
    void requestRoundTripsThroughTheAttributeBytes() {
        CuboidScanRequest request = new CuboidScanRequest("seg", 0b1011, List.of(),
                Map.of(3, List.of(CodeRange.point(new byte[8]), new CodeRange(new byte[8], filled(8))),
                        0, List.of(new CodeRange(new byte[] {1}, new byte[] {7}))),
                0b0001, List.of(2, 0), LAYOUT);
        CubeScanPayload payload = CubeScanPayload.of(request, 123_456_789L);

        CubeScanPayload back = CubeScanPayload.fromBytes(payload.toBytes());

        assertThat(back).isEqualTo(payload);
        assertThat(back.layout()).isEqualTo(LAYOUT);
        assertThat(back.residual()).isEqualTo(request.residual());
        assertThat(back.measures()).containsExactly(2, 0);
        assertThat(back.cuboid()).isEqualTo(0b1011);
        assertThat(back.groupBy()).isEqualTo(0b0001);
        assertThat(back.maxGroups()).isEqualTo(123_456_789L);
        // wrapped in the observer's request, the factory gets the same bytes back
        AggregationRequest wrapped = AggregationRequest.fromBytes(CubeRegionAggregator.request(payload).toBytes());
        assertThat(wrapped.factoryClass()).isEqualTo(CubeRegionAggregator.Factory.class.getName());
        assertThat(CubeScanPayload.fromBytes(wrapped.payload())).isEqualTo(payload);
    }

    @Test
    void badBytesFailWithTheReason() {
        byte[] good = new CubeScanPayload(LAYOUT, 0b1111, 0b0011, Map.of(), List.of(1), 10).toBytes();

        byte[] newer = good.clone();
        newer[2] = 9;
        assertThatThrownBy(() -> CubeScanPayload.fromBytes(newer)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format version 9");
        assertThatThrownBy(() -> CubeScanPayload.fromBytes(new byte[] {1, 2, 3}))
                .hasMessageContaining("bad magic");
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> CubeScanPayload.fromBytes(truncated)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("malformed cube scan request");
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        assertThatThrownBy(() -> CubeScanPayload.fromBytes(trailing)).hasMessageContaining("trailing");
    }

    @Test
    void inconsistentRequestsAreRefused() {
        assertThatThrownBy(() -> new CubeScanPayload(LAYOUT, 0b0011, 0b0001,
                Map.of(0, List.of(CodeRange.point(new byte[1]))), List.of(), 10))
                .hasMessageContaining("residual filter on dimension 0, which is not in cuboid 3");
        assertThatThrownBy(() -> new CubeScanPayload(LAYOUT, 0b1111, 0b0001,
                Map.of(1, List.of(CodeRange.point(new byte[1]))), List.of(), 10))
                .hasMessageContaining("has 1-byte codes, the dimension 2");
        assertThatThrownBy(() -> new CubeScanPayload(LAYOUT, 0b1111, 0b0001, Map.of(), List.of(3), 10))
                .hasMessageContaining("measure index 3 outside 0..2");
        assertThatThrownBy(() -> new CubeScanPayload(LAYOUT, 0b10000, 0, Map.of(), List.of(), 10))
                .hasMessageContaining("not a subset of the base cuboid");
    }

    private static byte[] filled(int n) {
        byte[] b = new byte[n];
        java.util.Arrays.fill(b, (byte) 0xFF);
        return b;
    }
}
