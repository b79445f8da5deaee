package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

import io.haechi.model.rowkey.CodeRange;
import io.haechi.model.rowkey.KeyRange;
import java.util.List;
import java.util.Map;

/**
 * One scan of one segment's cuboid, as the query engine sends it and a region server executes it.
 *
 * @param storageId the segment
 * @param cuboid the stored cuboid to read
 * @param keyRanges row-key ranges to read: whole row keys, shard prefix included, exactly as
 *     {@code RowKeyCodec.keyRanges} makes them from filters on leading row-key dimensions (it already repeats each
 *     range for every shard a matching row can be in, and keeps a point filter on the shard-by dimension to its one
 *     shard); the store scans them as given, in any order, overlapping or not. Empty = the whole cuboid in every shard
 * @param residual per row-key dimension index, the code ranges a row's code must fall in (OR within a dimension, AND
 *     across dimensions); dimensions not named are not filtered
 * @param groupBy the cuboid to roll up to: a subset of {@code cuboid}; equal to it for no rollup
 * @param measures indexes (declared order) of the measures to return; their states come back in this order
 * @param layout what the store needs to decode keys and merge measure states on its own side
 */
public record CuboidScanRequest(
        String storageId, long cuboid, List<KeyRange> keyRanges, Map<Integer, List<CodeRange>> residual,
        long groupBy, List<Integer> measures, ScanLayout layout) {
    public CuboidScanRequest {
        requireNonNull(storageId, "storageId is null");
        keyRanges = List.copyOf(requireNonNull(keyRanges, "keyRanges is null"));
        residual = Map.copyOf(requireNonNull(residual, "residual is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        requireNonNull(layout, "layout is null");
        if ((groupBy & ~cuboid) != 0) {
            throw new IllegalArgumentException("groupBy " + Long.toBinaryString(groupBy)
                    + " is not a subset of the cuboid " + Long.toBinaryString(cuboid));
        }
    }
}
