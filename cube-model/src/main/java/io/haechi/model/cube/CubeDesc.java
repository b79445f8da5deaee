package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.List;
import java.util.Optional;

/**
 * A cube descriptor over a model. Checked by {@link CubeValidator}.
 *
 * @param name the cube name
 * @param model the model's name
 * @param dimensions the dimensions
 * @param measures the measures
 * @param aggregationGroups the groups whose cuboids are built (with the base cuboid)
 * @param mandatoryCuboids cuboids (as lists of dimension names) built even if no group yields them
 * @param rowKey the order of the stored (non-derived) dimensions in the row key; empty for dimension order
 * @param shardBy the dimension whose hash spreads rows over shards, if any
 */
public record CubeDesc(String name, String model, List<DimensionDesc> dimensions, List<MeasureDesc> measures,
        List<AggregationGroupDesc> aggregationGroups, List<List<String>> mandatoryCuboids, List<String> rowKey,
        Optional<String> shardBy) {
    public CubeDesc {
        Names.checkIdentifier(name, "cube name");
        Names.checkIdentifier(model, "model name");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        aggregationGroups = List.copyOf(requireNonNull(aggregationGroups, "aggregationGroups is null"));
        mandatoryCuboids = requireNonNull(mandatoryCuboids, "mandatoryCuboids is null").stream().map(List::copyOf)
                .toList();
        rowKey = List.copyOf(requireNonNull(rowKey, "rowKey is null"));
        requireNonNull(shardBy, "shardBy is null");
    }

    /** The stored dimensions in row-key order: {@link #rowKey()}, or the non-derived dimensions in order. */
    public List<String> rowKeyOrder() {
        if (!rowKey.isEmpty()) {
            return rowKey;
        }
        return dimensions.stream().filter(d -> !d.derived()).map(DimensionDesc::name).toList();
    }

    public Optional<DimensionDesc> dimension(String dimensionName) {
        return dimensions.stream().filter(d -> d.name().equalsIgnoreCase(dimensionName)).findFirst();
    }
}
