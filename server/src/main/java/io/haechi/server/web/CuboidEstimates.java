package io.haechi.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.catalog.SegmentDesc;
import io.haechi.model.lattice.CuboidLayout;
import io.haechi.model.validate.ValidatedCube;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Rows and bytes per cuboid of a cube being edited, from figures measured on another layout: the stored rows per
 * cuboid of READY segments, or the sketches of a sampling pass. Figures are matched by the cuboid's set of dimensions,
 * not by its id (a new row-key order or a new dimension renumbers the ids).
 */
final class CuboidEstimates {
    /** Above this many cuboids the estimate lists none (the totals are still given). */
    static final int MAX_LISTED = 4096;

    /** Measured rows and bytes of one dimension set. */
    record Figures(long rows, long bytes) {
    }

    private final Map<String, Figures> byDimensions = new HashMap<>();

    void add(List<String> dimensions, long rows, long bytes) {
        byDimensions.merge(key(dimensions), new Figures(rows, bytes),
                (a, b) -> new Figures(a.rows() + b.rows(), a.bytes() + b.bytes()));
    }

    /** Adds a READY segment's stored rows per cuboid (ids of {@code layout}), its bytes split by rows. */
    void addSegment(SegmentDesc segment, CuboidLayout layout) {
        long total = Math.max(1, segment.totalRows());
        for (Map.Entry<Long, Long> e : segment.rowsPerCuboid().entrySet()) {
            long bytes = Math.round((double) segment.bytesStored() * e.getValue() / total);
            add(layout.dimensionsOf(e.getKey()), e.getValue(), bytes);
        }
    }

    boolean isEmpty() {
        return byDimensions.isEmpty();
    }

    /**
     * The Estimates object for {@code cube}: one entry per cuboid (ids as decimal strings), rows and bytes null where
     * nothing was measured for its dimension set.
     */
    ObjectNode render(ValidatedCube cube, String source, String basis) {
        ObjectNode out = ApiJson.NODES.objectNode();
        out.put("source", source);
        out.put("basis", basis);
        long[] ids = cube.cuboids().ids();
        boolean list = ids.length <= MAX_LISTED;
        ArrayNode cuboids = out.putArray("cuboids");
        long totalRows = 0;
        long totalBytes = 0;
        for (long id : ids) {
            List<String> dims = cube.layout().dimensionsOf(id);
            Figures f = byDimensions.get(key(dims));
            if (f != null) {
                totalRows += f.rows();
                totalBytes += f.bytes();
            }
            if (list) {
                ObjectNode c = cuboids.addObject();
                c.put("id", Long.toString(id));
                ArrayNode d = c.putArray("dimensions");
                dims.forEach(d::add);
                if (f == null) {
                    c.putNull("rows");
                    c.putNull("bytes");
                } else {
                    c.put("rows", f.rows());
                    c.put("bytes", f.bytes());
                }
                c.put("base", id == cube.cuboids().baseCuboid());
            }
        }
        out.put("totalRows", totalRows);
        out.put("totalBytes", totalBytes);
        out.put("truncated", !list);
        return out;
    }

    private static String key(List<String> dimensions) {
        return String.join(",", new TreeSet<>(dimensions.stream().map(d -> d.toLowerCase(java.util.Locale.ROOT))
                .toList()));
    }
}
