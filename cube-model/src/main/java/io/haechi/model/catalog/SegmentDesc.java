package io.haechi.model.catalog;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/**
 * A segment of a cube: the cuboids built from one range {@code [from, to)} of the partition column.
 *
 * @param name the segment's name, e.g. {@code 20240101_20240108}
 * @param cube the cube it belongs to
 * @param from first partition date, inclusive
 * @param to last partition date, exclusive
 * @param status BUILDING while its job runs, READY once loaded
 * @param storageId where the store keeps its rows
 * @param shardCount shards of its row keys (0 while BUILDING)
 * @param jobId the job that builds (or built) it
 * @param rowsPerCuboid stored rows per cuboid id (empty while BUILDING)
 * @param sourceRows fact rows read into it
 * @param bytesStored bytes the store holds for it
 * @param leftJoinMisses per LEFT-joined lookup alias, fact rows that found no lookup row (kept with NULL lookup
 *     columns); empty while BUILDING and for segments built before it was recorded. Zero for a lookup means an INNER
 *     join of it gives the same answer as the cube.
 */
public record SegmentDesc(String name, String cube, LocalDate from, LocalDate to, SegmentStatus status,
        String storageId, int shardCount, String jobId, Map<Long, Long> rowsPerCuboid, long sourceRows,
        long bytesStored, Map<String, Long> leftJoinMisses) {
    private static final java.util.regex.Pattern SEGMENT_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9_]{1,128}");

    public SegmentDesc {
        requireNonNull(name, "name is null");
        if (!SEGMENT_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("segment name '" + name + "' must be 1-128 letters, digits or '_'");
        }
        Names.checkIdentifier(cube, "cube name");
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("segment " + name + ": from " + from + " must be before to " + to);
        }
        requireNonNull(status, "status is null");
        Names.checkIdentifier(storageId, "segment storage id");
        if (shardCount < 0 || (status == SegmentStatus.READY && shardCount < 1)) {
            throw new IllegalArgumentException("segment " + name + ": shard count " + shardCount + " is not valid");
        }
        requireNonNull(jobId, "jobId is null");
        rowsPerCuboid = Map.copyOf(new TreeMap<>(requireNonNull(rowsPerCuboid, "rowsPerCuboid is null")));
        leftJoinMisses = Map.copyOf(requireNonNull(leftJoinMisses, "leftJoinMisses is null"));
    }

    /** The conventional segment name of a range: {@code yyyyMMdd_yyyyMMdd}. */
    public static String nameOf(LocalDate from, LocalDate to) {
        return from.toString().replace("-", "") + "_" + to.toString().replace("-", "");
    }

    public boolean overlaps(LocalDate otherFrom, LocalDate otherTo) {
        return from.isBefore(otherTo) && otherFrom.isBefore(to);
    }

    public long totalRows() {
        return rowsPerCuboid.values().stream().mapToLong(Long::longValue).sum();
    }

    public SegmentDesc ready(int shards, Map<Long, Long> rows, long readRows, long bytes) {
        return ready(shards, rows, readRows, bytes, Map.of());
    }

    /**
     * The READY form of this segment.
     *
     * @param misses per LEFT-joined lookup alias, the fact rows that found no lookup row (kept with NULLs)
     */
    public SegmentDesc ready(int shards, Map<Long, Long> rows, long readRows, long bytes, Map<String, Long> misses) {
        return new SegmentDesc(name, cube, from, to, SegmentStatus.READY, storageId, shards, jobId, rows, readRows,
                bytes, misses);
    }
}
