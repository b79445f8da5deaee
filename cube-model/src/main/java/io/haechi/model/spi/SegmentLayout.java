package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a new segment is laid out in the store.
 *
 * @param storageId the segment's address in the store, an identifier such as {@code ads__ad_events__20240101_20240108}
 * @param splitKeys region boundaries chosen from the build's statistics (ascending row keys, each the first key of a
 *     region; empty for one region), so that a large cuboid spreads over several regions
 */
public record SegmentLayout(String storageId, List<byte[]> splitKeys) {
    public SegmentLayout {
        Names.checkIdentifier(storageId, "segment storage id");
        List<byte[]> copy = new ArrayList<>();
        byte[] previous = null;
        for (byte[] k : requireNonNull(splitKeys, "splitKeys is null")) {
            requireNonNull(k, "split key is null");
            if (k.length == 0) {
                throw new IllegalArgumentException("a split key is empty");
            }
            if (previous != null && Arrays.compareUnsigned(previous, k) >= 0) {
                throw new IllegalArgumentException("split keys are not strictly ascending");
            }
            previous = k.clone();
            copy.add(previous);
        }
        splitKeys = List.copyOf(copy);
    }

    @Override
    public List<byte[]> splitKeys() {
        return splitKeys.stream().map(byte[]::clone).toList();
    }
}
