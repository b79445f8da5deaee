package io.haechi.model.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segment documents round-trip, LEFT-join misses included, and a count that is not a count is refused. */
class SegmentJsonTest {
    private static SegmentDesc ready() {
        LocalDate from = LocalDate.of(2024, 1, 1);
        LocalDate to = LocalDate.of(2024, 1, 8);
        return new SegmentDesc(SegmentDesc.nameOf(from, to), "sales", from, to, SegmentStatus.BUILDING, "p__sales__x", 0,
                "job-1", Map.of(), 0, 0, Map.of()).ready(3, Map.of(3L, 40L, 1L, 7L), 100, 4096,
                Map.of("shop", 9L, "city", 0L));
    }

    @Test
    void roundTripKeepsRowsAndLeftJoinMisses() {
        SegmentDesc s = ready();
        SegmentDesc back = SegmentJson.read(SegmentJson.write(s), "segment sales/x");
        assertThat(back).isEqualTo(s);
        assertThat(back.leftJoinMisses()).containsExactlyInAnyOrderEntriesOf(Map.of("shop", 9L, "city", 0L));
    }

    @Test
    void aMissCountThatIsNotAWholeNumberIsRefusedWithItsPath() {
        String json = SegmentJson.write(ready()).replace("\"shop\" : 9", "\"shop\" : \"nine\"");
        assertThat(json).contains("\"nine\"");
        assertThatThrownBy(() -> SegmentJson.read(json, "segment sales/x"))
                .isInstanceOfSatisfying(HaechiException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(ErrorCode.INVALID_JSON))
                .hasMessageContaining("segment sales/x: leftJoinMisses.shop must be a row count");
    }

    @Test
    void aNegativeRowCountIsRefused() {
        String json = SegmentJson.write(ready()).replace("\"3\" : 40", "\"3\" : -40");
        assertThat(json).contains("-40");
        assertThatThrownBy(() -> SegmentJson.read(json, "segment sales/x"))
                .hasMessageContaining("rowsPerCuboid.3 must be a row count");
    }
}
