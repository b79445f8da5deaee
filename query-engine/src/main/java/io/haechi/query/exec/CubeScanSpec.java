package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything a cube scan does, fixed at planning time; literals may be parameters bound at execution.
 *
 * @param project the project
 * @param cube the cube
 * @param rowKey the cube's row-key dimensions when planned (a changed cube is refused at execution)
 * @param cuboid the stored cuboid read
 * @param columns the dimension columns the scan reads (slots of {@link Pred}s and {@link #groups})
 * @param groups the output group columns (slots into {@code columns}), in output order
 * @param pushed conjuncts on one stored column each: key ranges and region-side code filters
 * @param post the rest of the filter, evaluated per scanned group after derived columns are looked up
 * @param measures the cube's measure indexes returned, in output order after the groups
 * @param estimatedRows rows the planner expected to read
 */
public record CubeScanSpec(String project, String cube, List<String> rowKey, long cuboid, List<ScanColumn> columns,
        List<Integer> groups, List<Pred> pushed, List<Pred> post, List<Integer> measures, long estimatedRows) {
    public CubeScanSpec {
        requireNonNull(project, "project is null");
        requireNonNull(cube, "cube is null");
        rowKey = List.copyOf(rowKey);
        columns = List.copyOf(columns);
        groups = List.copyOf(groups);
        pushed = List.copyOf(pushed);
        post = List.copyOf(post);
        measures = List.copyOf(measures);
    }

    /** The row-key positions the scan groups by: stored columns and the hosts of derived ones. */
    public long scanGroupBy(java.util.function.IntToLongFunction bit) {
        long mask = 0;
        java.util.Set<Integer> needed = new java.util.HashSet<>(groups);
        for (Pred p : post) {
            p.columns(needed);
        }
        for (int slot : needed) {
            ScanColumn c = columns.get(slot);
            if (c instanceof ScanColumn.Stored s) {
                mask |= bit.applyAsLong(s.position());
            } else if (c instanceof ScanColumn.Derived d) {
                for (int h : d.hostPositions()) {
                    mask |= bit.applyAsLong(h);
                }
            }
        }
        return mask;
    }
}
