package io.haechi.builder.segment;

import io.haechi.model.rowkey.RowKeyCodec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses a segment's shard count and region split keys from the per-cuboid row estimates.
 *
 * <p>The estimated bytes of a cuboid are its estimated rows times (its key length + the average cell size seen
 * nowhere yet, so a fixed guess per measure). Shards: the configured count, or as many as the segment has target
 * regions' worth of bytes (at least 1, at most {@code maxShards}); every row key starts with its 2-byte shard, so a
 * split at each shard boundary gives every shard its own region and spreads every cuboid over all of them (the
 * region-side scan runs in parallel). Within a shard, regions are cut further at cuboid boundaries
 * ({@code [shard][cuboid id]}) whenever the bytes since the last split pass the target, so a shard of a large
 * segment spans several regions. Splitting inside one cuboid's code range would need code distributions and is not
 * done: a cuboid's share of one shard is one region at most.
 */
public final class RegionSplitPlanner {
    private RegionSplitPlanner() {
    }

    /** The plan: shard count and ascending split keys. */
    public record Plan(int shardCount, List<byte[]> splitKeys, long estimatedBytes) {
        public Plan {
            splitKeys = List.copyOf(splitKeys);
        }
    }

    /**
     * @param estimates estimated rows per cuboid
     * @param keyLength the row-key length of a cuboid ({@link RowKeyCodec#keyLength})
     * @param cellBytes the estimated bytes of a cell
     * @param configuredShards the shard count to use, or 0 to choose one
     * @param targetRegionBytes the region size to aim at
     */
    public static Plan plan(Map<Long, Long> estimates, java.util.function.LongToIntFunction keyLength, int cellBytes,
            int configuredShards, long targetRegionBytes, int maxShards) {
        TreeMap<Long, Long> bytes = new TreeMap<>();
        long total = 0;
        for (Map.Entry<Long, Long> e : estimates.entrySet()) {
            long b = e.getValue() * (keyLength.applyAsInt(e.getKey()) + cellBytes);
            bytes.put(e.getKey(), b);
            total += b;
        }
        int shards = configuredShards > 0 ? configuredShards
                : (int) Math.max(1, Math.min(maxShards, (total + targetRegionBytes - 1) / targetRegionBytes));
        List<byte[]> splits = new ArrayList<>();
        for (int s = 0; s < shards; s++) {
            if (s > 0) {
                splits.add(ByteBuffer.allocate(RowKeyCodec.SHARD_BYTES).putShort((short) s).array());
            }
            long sinceSplit = 0;
            for (Map.Entry<Long, Long> e : bytes.entrySet()) {
                long share = e.getValue() / shards;
                if (sinceSplit > 0 && sinceSplit + share > targetRegionBytes) {
                    splits.add(ByteBuffer.allocate(RowKeyCodec.HEADER_BYTES).putShort((short) s)
                            .putLong(e.getKey()).array());
                    sinceSplit = 0;
                }
                sinceSplit += share;
            }
        }
        return new Plan(shards, splits, total);
    }
}
