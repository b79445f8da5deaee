package io.haechi.query.exec;

import static java.util.Objects.requireNonNull;

import io.haechi.model.table.TableDesc;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A lookup table's rows by primary key, for derived dimensions; keys compare by value across integer widths. */
public final class LookupSnapshot {
    private final TableDesc table;
    private final Map<List<Object>, Object[]> rows;

    public LookupSnapshot(TableDesc table, List<String> primaryKey, List<Object[]> tableRows) {
        this.table = requireNonNull(table, "table is null");
        int[] key = primaryKey.stream().mapToInt(this::position).toArray();
        Map<List<Object>, Object[]> map = new HashMap<>(tableRows.size() * 2);
        for (Object[] r : tableRows) {
            List<Object> k = new ArrayList<>(key.length);
            for (int p : key) {
                k.add(normalise(r[p]));
            }
            map.put(k, r);
        }
        this.rows = map;
    }

    /** The value at column {@code position} in the row whose key equals {@code key}, or null when there is none. */
    public Object value(List<Object> key, int position) {
        Object[] row = rows.get(normalisedKey(key));
        return row == null ? null : row[position];
    }

    public int position(String column) {
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).name().equalsIgnoreCase(column)) {
                return i;
            }
        }
        throw new IllegalArgumentException("lookup " + table.name() + " has no column " + column);
    }

    private static List<Object> normalisedKey(List<Object> key) {
        List<Object> k = new ArrayList<>(key.size());
        for (Object o : key) {
            k.add(normalise(o));
        }
        return k;
    }

    private static Object normalise(Object v) {
        if (v instanceof Short || v instanceof Integer || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigDecimal d) {
            return d.stripTrailingZeros();
        }
        return v;
    }
}
