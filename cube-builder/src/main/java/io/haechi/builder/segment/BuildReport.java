package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectReport;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a segment build did, for the CLI and the job record.
 *
 * @param cube the cube name
 * @param storageId the segment's storage id
 * @param rejects rows read, filtered by the range, rejected by reason with samples
 * @param modelFiltered rows the model filter left out
 * @param factRows fact rows that went into the cuboids
 * @param rowsPerCuboid rows stored per cuboid id
 * @param estimatedRows the HLL estimate per cuboid id
 * @param bytesStored bytes the store holds for the segment
 * @param regions regions (1 for stores without)
 * @param shardCount shards of the row keys
 * @param stepTimes wall time per step, in step order
 */
public record BuildReport(String cube, String storageId, RejectReport rejects, long modelFiltered, long factRows,
        Map<Long, Long> rowsPerCuboid, Map<Long, Long> estimatedRows, long bytesStored, int regions, int shardCount,
        Map<String, Duration> stepTimes) {
    public BuildReport {
        requireNonNull(cube, "cube is null");
        requireNonNull(storageId, "storageId is null");
        requireNonNull(rejects, "rejects is null");
        rowsPerCuboid = Map.copyOf(rowsPerCuboid);
        estimatedRows = Map.copyOf(estimatedRows);
        stepTimes = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(stepTimes));
    }

    public long cuboidRows() {
        return rowsPerCuboid.values().stream().mapToLong(Long::longValue).sum();
    }

    public Duration totalTime() {
        return stepTimes.values().stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Fact rows read per second over the whole build. */
    public double rowsPerSecond() {
        double s = totalTime().toNanos() / 1e9;
        return s <= 0 ? 0 : rejects.rowsRead() / s;
    }

    /** The report as text, e.g. for {@code haechi build}. */
    public String toText() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "segment %s of cube %s%n", storageId, cube));
        b.append(String.format(Locale.ROOT, "  %s%n", rejects.toText().strip().replace("\n", "\n  ")));
        b.append(String.format(Locale.ROOT, "  left out by the model filter: %,d rows; built from %,d fact rows%n",
                modelFiltered, factRows));
        b.append(String.format(Locale.ROOT, "  cuboids: %d, rows: %,d, bytes stored: %,d, regions: %d, shards: %d%n",
                rowsPerCuboid.size(), cuboidRows(), bytesStored, regions, shardCount));
        for (Map.Entry<Long, Long> e : new TreeMap<>(rowsPerCuboid).entrySet()) {
            Long est = estimatedRows.get(e.getKey());
            b.append(String.format(Locale.ROOT, "    cuboid %d: %,d rows%s%n", e.getKey(), e.getValue(),
                    est == null ? "" : String.format(Locale.ROOT, " (estimated %,d)", est)));
        }
        for (Map.Entry<String, Duration> e : stepTimes.entrySet()) {
            b.append(String.format(Locale.ROOT, "  step %-15s %8.3f s%n", e.getKey(), e.getValue().toNanos() / 1e9));
        }
        b.append(String.format(Locale.ROOT, "  total %.3f s, %,.0f rows/s%n", totalTime().toNanos() / 1e9,
                rowsPerSecond()));
        return b.toString();
    }
}
