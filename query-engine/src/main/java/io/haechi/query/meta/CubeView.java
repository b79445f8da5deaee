package io.haechi.query.meta;

import static java.util.Objects.requireNonNull;

import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.validate.ValidatedCube;
import java.util.List;

/**
 * A cube as queries see it: its validated descriptor and the READY segments that answer, oldest range first.
 *
 * @param cube the cube, resolved against its model and tables
 * @param segments READY segments only
 */
public record CubeView(ValidatedCube cube, List<SegmentDesc> segments) {
    public CubeView {
        requireNonNull(cube, "cube is null");
        segments = List.copyOf(requireNonNull(segments, "segments is null"));
    }

    public String name() {
        return cube.cube().name();
    }

    /** Stored rows of {@code cuboid} over all segments (0 when nothing is built). */
    public long rows(long cuboid) {
        long n = 0;
        for (SegmentDesc s : segments) {
            n += s.rowsPerCuboid().getOrDefault(cuboid, 0L);
        }
        return n;
    }
}
