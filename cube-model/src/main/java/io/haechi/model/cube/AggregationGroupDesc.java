package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * An aggregation group: the cuboids over its {@code includes} that its rules allow. Mandatory dimensions are in every
 * cuboid; a hierarchy (coarse to fine) appears as one of its prefixes; a joint appears whole or not at all; a dimCap
 * limits how many units (a normal dimension, a hierarchy or a joint counts one; mandatory ones none) a cuboid has.
 *
 * @param includes the group's dimensions
 * @param mandatory dimensions in every cuboid of the group
 * @param hierarchies ordered lists, coarse to fine (e.g. year, month, day)
 * @param joints sets of dimensions always queried together
 * @param dimCap the most units per cuboid; 0 for no cap
 */
public record AggregationGroupDesc(List<String> includes, List<String> mandatory, List<List<String>> hierarchies,
        List<List<String>> joints, int dimCap) {
    public AggregationGroupDesc {
        includes = List.copyOf(requireNonNull(includes, "includes is null"));
        mandatory = List.copyOf(requireNonNull(mandatory, "mandatory is null"));
        hierarchies = requireNonNull(hierarchies, "hierarchies is null").stream().map(List::copyOf).toList();
        joints = requireNonNull(joints, "joints is null").stream().map(List::copyOf).toList();
    }

    /** A group with no rules. */
    public static AggregationGroupDesc of(List<String> includes) {
        return new AggregationGroupDesc(includes, List.of(), List.of(), List.of(), 0);
    }
}
