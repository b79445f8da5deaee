package io.haechi.storage.hbase;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.hbase.Cell;

/** The default {@link GroupTable}: byte partials merged with {@link RegionAggregator#merge}. */
final class BytesGroupTable implements GroupTable {
    private final RegionAggregator aggregator;
    private final Map<ByteKey, byte[]> partials = new HashMap<>();

    BytesGroupTable(RegionAggregator aggregator) {
        this.aggregator = aggregator;
    }

    @Override
    public void add(Cell cell) {
        byte[] group = aggregator.groupKey(cell);
        if (group != null) {
            partials.merge(new ByteKey(group), aggregator.value(cell), aggregator::merge);
        }
    }

    @Override
    public int size() {
        return partials.size();
    }

    @Override
    public List<Map.Entry<byte[], byte[]>> sortedPartials() {
        List<Map.Entry<ByteKey, byte[]>> sorted = new ArrayList<>(partials.entrySet());
        sorted.sort(Map.Entry.comparingByKey());
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(sorted.size());
        sorted.forEach(e -> out.add(Map.entry(e.getKey().bytes(), e.getValue())));
        return out;
    }
}
