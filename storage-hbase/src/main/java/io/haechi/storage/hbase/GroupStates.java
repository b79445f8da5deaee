package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Groups of a cube scan with their decoded measure states, merged as rows or partials arrive; each group's states are
 * decoded once per input and encoded once at the end (a COUNT_DISTINCT bitmap is not re-serialised per row). Refuses
 * to grow past {@code maxGroups}. Used by one thread.
 */
final class GroupStates {
    private final CubeMeasures measures;
    private final long maxGroups;
    private final String where;
    private final Map<ByteKey, Object[]> groups = new HashMap<>();

    GroupStates(CubeMeasures measures, long maxGroups, String where) {
        this.measures = measures;
        this.maxGroups = maxGroups;
        this.where = where;
    }

    /** Merges states (request order) into the group; the states are owned by this table afterwards. */
    void merge(byte[] group, Object[] states) {
        ByteKey key = new ByteKey(group);
        Object[] current = groups.get(key);
        if (current == null) {
            if (groups.size() >= maxGroups) {
                throw tooMany(maxGroups, where);
            }
            groups.put(key, states);
        } else {
            measures.merge(current, states);
        }
    }

    /** Merges an encoded partial (an output cell) into the group. */
    void mergePartial(byte[] group, byte[] partial) {
        merge(group, measures.decode(partial));
    }

    /** Merges every group of {@code other} into this one; {@code other} must not be used afterwards. */
    void mergeAll(GroupStates other) {
        other.groups.forEach((key, states) -> merge(key.bytes(), states));
    }

    int size() {
        return groups.size();
    }

    /** The groups as scan rows, encoded one at a time as the iterator is advanced. */
    java.util.Iterator<io.haechi.model.spi.AggregateRow> rows() {
        java.util.Iterator<Map.Entry<ByteKey, Object[]>> entries = groups.entrySet().iterator();
        return new java.util.Iterator<>() {
            @Override
            public boolean hasNext() {
                return entries.hasNext();
            }

            @Override
            public io.haechi.model.spi.AggregateRow next() {
                Map.Entry<ByteKey, Object[]> e = entries.next();
                return new io.haechi.model.spi.AggregateRow(e.getKey().bytes(), measures.encode(e.getValue()));
            }
        };
    }

    void forEach(BiConsumer<byte[], Object[]> action) {
        groups.forEach((key, states) -> action.accept(key.bytes(), states));
    }

    /** The groups as encoded output cells, sorted by group key. */
    List<Map.Entry<byte[], byte[]>> sortedPartials() {
        List<ByteKey> keys = new ArrayList<>(groups.keySet());
        keys.sort(null);
        List<Map.Entry<byte[], byte[]>> out = new ArrayList<>(keys.size());
        for (ByteKey key : keys) {
            out.add(Map.entry(key.bytes(), measures.encode(groups.get(key))));
        }
        return out;
    }

    static HaechiException tooMany(long maxGroups, String where) {
        return new HaechiException(ErrorCode.TOO_MANY_GROUPS, "the scan of " + where + " produces more than "
                + maxGroups + " groups; filter more, group by fewer dimensions, or raise the store's maxGroups");
    }
}
