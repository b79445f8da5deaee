package io.haechi.model.validate;

import static java.util.Objects.requireNonNull;

import io.haechi.model.cube.CubeDesc;
import io.haechi.model.cube.ResolvedDimension;
import io.haechi.model.cube.ResolvedMeasure;
import io.haechi.model.lattice.CuboidLayout;
import io.haechi.model.lattice.CuboidSet;
import io.haechi.model.lattice.RowEstimates;
import io.haechi.model.lattice.SpanningTree;
import io.haechi.model.star.StarSchema;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cube that passed validation, with everything the builder and the query engine need: the resolved model, the
 * dimensions (row-key dimensions first resolved to columns and types, derived ones with their hosts), the measures
 * with compiled arguments and result types, the cuboid-id layout and the cuboid set.
 */
public record ValidatedCube(CubeDesc cube, StarSchema schema, List<ResolvedDimension> dimensions,
        List<ResolvedMeasure> measures, CuboidLayout layout, CuboidSet cuboids) {
    public ValidatedCube {
        requireNonNull(cube, "cube is null");
        requireNonNull(schema, "schema is null");
        dimensions = List.copyOf(requireNonNull(dimensions, "dimensions is null"));
        measures = List.copyOf(requireNonNull(measures, "measures is null"));
        requireNonNull(layout, "layout is null");
        requireNonNull(cuboids, "cuboids is null");
    }

    public Optional<ResolvedDimension> dimension(String name) {
        return dimensions.stream().filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
    }

    /** The stored dimensions in row-key order (bit {@code size-1-i} of a cuboid id is {@code rowKey().get(i)}). */
    public List<ResolvedDimension> rowKey() {
        return layout.dimensions().stream().map(n -> dimension(n).orElseThrow()).toList();
    }

    /** The spanning tree, by estimated rows when {@code estimates} has them, else by fewest dimensions. */
    public SpanningTree spanningTree(RowEstimates estimates) {
        return SpanningTree.build(cuboids, estimates);
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "cube '%s' (%d dimensions, %d measures, %d cuboids)", cube.name(),
                dimensions.size(), measures.size(), cuboids.size());
    }
}
