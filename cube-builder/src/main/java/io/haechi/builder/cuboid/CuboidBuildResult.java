package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** The outcome of a cuboid computation: per-cuboid statistics in build order, and totals. */
public record CuboidBuildResult(long factRows, List<CuboidStats> cuboids, long spilledBytes, long nanos) {
    public CuboidBuildResult {
        cuboids = List.copyOf(requireNonNull(cuboids, "cuboids is null"));
    }

    public long totalRows() {
        return cuboids.stream().mapToLong(CuboidStats::rows).sum();
    }
}
