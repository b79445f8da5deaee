package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.DataType;
import java.util.List;
import java.util.Map;

/**
 * What a store needs to execute a {@link CuboidScanRequest} on its own side (a region server) without the cube
 * descriptor: how to cut row keys into codes and how to merge measure states. Built by the query engine from the
 * cube; a store serialises it into its request (for HBase, a scan attribute) and rebuilds the measure types from
 * {@code io.haechi.model.measure.MeasureTypes#create}.
 *
 * @param codeWidths the byte width of each row-key dimension's code, in row-key order
 * @param shardCount shards of the segment (row keys start with a 2-byte shard)
 * @param measures every measure of the cube in declared order, as stored in the cell
 */
public record ScanLayout(List<Integer> codeWidths, int shardCount, List<MeasureSpec> measures) {
    public ScanLayout {
        codeWidths = List.copyOf(requireNonNull(codeWidths, "codeWidths is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        if (shardCount < 1) {
            throw new IllegalArgumentException("shardCount must be >= 1, got " + shardCount);
        }
        for (int w : codeWidths) {
            if (w < 1) {
                throw new IllegalArgumentException("code widths must be >= 1, got " + codeWidths);
            }
        }
    }

    /**
     * One stored measure: enough to rebuild its {@code MeasureType}.
     *
     * @param function e.g. {@code SUM}, {@code COUNT_DISTINCT}
     * @param argumentType the argument type, or null for COUNT(*)
     * @param params the measure's parameters (e.g. HLL precision)
     */
    public record MeasureSpec(String function, DataType argumentType, Map<String, String> params) {
        public MeasureSpec {
            requireNonNull(function, "function is null");
            params = Map.copyOf(requireNonNull(params, "params is null"));
        }
    }
}
