package io.haechi.builder.segment;

import io.haechi.model.segment.SegmentDictionaries;
import static java.util.Objects.requireNonNull;

import io.haechi.model.spi.SegmentStats;

/**
 * What the {@code commit} step hands back for the metadata update that makes the segment READY.
 *
 * @param storageId the segment's storage id
 * @param shardCount shards of its row keys (the {@code RowKeyCodec} and scan layout need it)
 * @param dictionaries the segment's encodings (row-key order), also persisted in the job's work directory
 * @param stats what the store holds
 * @param report the build report
 */
public record SegmentBuildResult(String storageId, int shardCount, SegmentDictionaries dictionaries,
        SegmentStats stats, BuildReport report, java.util.Map<String, Long> leftJoinMisses) {
    public SegmentBuildResult {
        requireNonNull(storageId, "storageId is null");
        requireNonNull(dictionaries, "dictionaries is null");
        requireNonNull(stats, "stats is null");
        requireNonNull(report, "report is null");
        leftJoinMisses = java.util.Map.copyOf(leftJoinMisses);
    }
}
