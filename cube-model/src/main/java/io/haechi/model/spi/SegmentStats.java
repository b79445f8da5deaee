package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a finished segment holds.
 *
 * @param rowsPerCuboid rows stored per cuboid id
 * @param bytesStored bytes the store holds for the segment (HFile bytes for HBase)
 * @param regions number of regions (1 for stores without regions)
 */
public record SegmentStats(Map<Long, Long> rowsPerCuboid, long bytesStored, int regions) {
    public SegmentStats {
        rowsPerCuboid = Map.copyOf(requireNonNull(rowsPerCuboid, "rowsPerCuboid is null"));
        if (bytesStored < 0 || regions < 1) {
            throw new IllegalArgumentException("bytesStored must be >= 0 and regions >= 1");
        }
    }

    public long totalRows() {
        return rowsPerCuboid.values().stream().mapToLong(Long::longValue).sum();
    }
}
