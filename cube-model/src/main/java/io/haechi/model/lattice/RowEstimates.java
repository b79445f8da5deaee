package io.haechi.model.lattice;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.OptionalLong;

/** Estimated row counts per cuboid (e.g. from HLL sketches taken at build time). */
@FunctionalInterface
public interface RowEstimates {
    /** The estimated rows of {@code cuboid}, or empty if unknown (unknown sorts after every estimate). */
    OptionalLong rows(long cuboid);

    static RowEstimates none() {
        return cuboid -> OptionalLong.empty();
    }

    static RowEstimates of(Map<Long, Long> rows) {
        Map<Long, Long> copy = Map.copyOf(requireNonNull(rows, "rows is null"));
        return cuboid -> {
            Long r = copy.get(cuboid);
            return r == null ? OptionalLong.empty() : OptionalLong.of(r);
        };
    }
}
