package io.haechi.storage.hbase;

import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;

/** The groups one region's scan collects (see {@link RegionAggregator#newGroupTable()}); used by one thread. */
public interface GroupTable {
    /** Adds a cell of an accepted row to its group. */
    void add(Cell cell);

    /** The number of groups so far. */
    int size();

    /** The groups and their partial aggregates, sorted by group key (unsigned bytes). */
    List<Map.Entry<byte[], byte[]>> sortedPartials();
}
