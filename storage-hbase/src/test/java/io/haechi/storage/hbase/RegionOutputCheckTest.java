package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.spi.ScanLayout;
import io.haechi.model.table.DataType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.Cell;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.util.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client's check of region-side output: one count cell, then exactly that many groups. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class RegionOutputCheckTest {
    private static final TableName TABLE = TableName.valueOf("t");
    private static final CubeMeasures COUNT = new CubeMeasures(new ScanLayout(List.of(1), 1,
            List.of(new ScanLayout.MeasureSpec("COUNT", null, Map.of()),
                    new ScanLayout.MeasureSpec("SUM", DataType.BIGINT, Map.of()))), List.of(0));

    private static Cell count(byte[] row, long groups) {
        return new KeyValue(row, AggregatingRegionScanner.OUTPUT_FAMILY, AggregatingRegionScanner.COUNT_QUALIFIER,
                0L, KeyValue.Type.Put, Bytes.toBytes(groups));
    }

    private static Cell group(byte[] row, int key, long rows) {
        Object state = COUNT.outputTypes().get(0).init();
        for (long i = 0; i < rows; i++) {
            state = COUNT.outputTypes().get(0).add(state, 1L);
        }
        return new KeyValue(row, AggregatingRegionScanner.OUTPUT_FAMILY, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
            (byte) key}, 0L, KeyValue.Type.Put, COUNT.encode(new Object[] {state}));
    }

    private static Result result(Cell... cells) {
        return Result.create(cells);
    }

    private static GroupStates states() {
        return new GroupStates(COUNT, 100, "test");
    }

    @Test
    void oneCompleteDrainIsMerged() {
        byte[] r1 = {1};
        byte[] r2 = {2};
        GroupStates states = states();
        boolean complete = CubeScan.readPartials(List.of(result(count(r1, 3), group(r1, 1, 5), group(r1, 2, 1)),
                result(group(r2, 3, 2))), states, TABLE);
        assertThat(complete).isTrue();
        assertThat(states.size()).isEqualTo(3);
        List<Long> counts = new ArrayList<>();
        states.forEach((key, st) -> counts.add((Long) COUNT.outputTypes().get(0).result(st[0])));
        assertThat(counts).containsExactlyInAnyOrder(5L, 1L, 2L);
        assertThat(CubeScan.readPartials(List.of(), states(), TABLE)).as("no output, no groups").isTrue();
    }

    @Test
    void aRestartedDrainOrMissingGroupsAreNotComplete() {
        byte[] r1 = {1};
        byte[] r2 = {2};
        // the scanner reopened after r1: the second, shorter drain announces itself again
        assertThat(CubeScan.readPartials(List.of(result(count(r1, 2), group(r1, 1, 5)),
                result(count(r2, 1), group(r2, 1, 3))), states(), TABLE)).isFalse();
        assertThat(CubeScan.readPartials(List.of(result(count(r1, 3), group(r1, 1, 5))), states(), TABLE))
                .isFalse();
        Cell raw = new KeyValue(r1, HBaseTables.FAMILY, HBaseCubeStore.QUALIFIER, 0L, KeyValue.Type.Put, r1);
        assertThatThrownBy(() -> CubeScan.readPartials(List.of(result(raw)), states(), TABLE))
                .hasMessageContaining("region-side aggregation is not active");
    }
}
