package io.haechi.builder.join;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RowOrigin;
import io.haechi.builder.source.RowStream;
import io.haechi.builder.source.SourceRow;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A lookup table held in memory, keyed by one or more columns. Loading checks that the key is unique: a duplicate
 * fails with {@code DUPLICATE_LOOKUP_KEY} naming the key and both rows' files and positions, because a fact row
 * would otherwise silently pick one of them (or multiply). Rows with a NULL in a key column can match no fact row;
 * they are left out and counted ({@link #nullKeyRows()}). Read-only after loading, so safe to share between
 * threads.
 */
public final class LookupTable {
    private final TableDesc table;
    private final List<String> keyColumns;
    private final Map<JoinKey, Object[]> rows;
    private final long nullKeyRows;
    private final LongRowIndex integralIndex;

    private LookupTable(TableDesc table, List<String> keyColumns, Map<JoinKey, Object[]> rows, long nullKeyRows) {
        this.table = table;
        this.keyColumns = keyColumns;
        this.rows = rows;
        this.nullKeyRows = nullKeyRows;
        this.integralIndex = integralIndex(keyColumns, rows);
    }

    /** A primitive index when the key is one integral column (the usual surrogate key), else null. */
    private static LongRowIndex integralIndex(List<String> keyColumns, Map<JoinKey, Object[]> rows) {
        if (keyColumns.size() != 1) {
            return null;
        }
        long[] keys = new long[rows.size()];
        Object[][] values = new Object[rows.size()][];
        int i = 0;
        for (Map.Entry<JoinKey, Object[]> e : rows.entrySet()) {
            Object part = e.getKey().singlePart();
            if (!(part instanceof Long l)) {
                return null;
            }
            keys[i] = l;
            values[i++] = e.getValue();
        }
        return LongRowIndex.of(keys, values);
    }

    /** Whether {@link #getIntegral} can be used: the key is one column holding integers. */
    boolean hasIntegralKey() {
        return integralIndex != null;
    }

    /** The row whose single integral key equals {@code key}, or null; only when {@link #hasIntegralKey}. */
    Object[] getIntegral(long key) {
        return integralIndex.get(key);
    }

    /**
     * Loads every row of a stream of the lookup table (the stream is read to its end, not closed).
     *
     * @param table the lookup table the rows are of
     * @param keyColumns the key columns (its primary key), at least one
     */
    public static LookupTable load(TableDesc table, List<String> keyColumns, RowStream stream) {
        requireNonNull(table, "table is null");
        requireNonNull(stream, "stream is null");
        List<String> keys = List.copyOf(requireNonNull(keyColumns, "keyColumns is null"));
        if (keys.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "lookup '" + table.name() + "' needs at least one key column");
        }
        int[] keyIndexes = indexes(table, keys);
        Map<JoinKey, Object[]> rows = new HashMap<>();
        Map<JoinKey, RowOrigin> origins = new HashMap<>();
        long nullKeys = 0;
        for (SourceRow row = stream.next(); row != null; row = stream.next()) {
            JoinKey key = JoinKey.of(row.values(), keyIndexes);
            if (key == null) {
                nullKeys++;
                continue;
            }
            if (rows.putIfAbsent(key, row.values()) != null) {
                throw new HaechiException(ErrorCode.DUPLICATE_LOOKUP_KEY, "lookup '" + table.name()
                        + "' has the key " + describe(keys, key) + " twice: " + origins.get(key) + " and "
                        + row.origin() + "; a lookup key must be unique");
            }
            origins.put(key, row.origin());
        }
        return new LookupTable(table, keys, rows, nullKeys);
    }

    /** The positions of columns in a table, {@code UNKNOWN_COLUMN} naming the missing one. */
    static int[] indexes(TableDesc table, List<String> columns) {
        int[] out = new int[columns.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = indexOf(table, columns.get(i));
        }
        return out;
    }

    static int indexOf(TableDesc table, String column) {
        for (int c = 0; c < table.columns().size(); c++) {
            if (table.columns().get(c).name().equalsIgnoreCase(column)) {
                return c;
            }
        }
        throw new HaechiException(ErrorCode.UNKNOWN_COLUMN, "table '" + table.name() + "' has no column '"
                + column + "'");
    }

    static String describe(List<String> columns, JoinKey key) {
        return columns.size() == 1 ? columns.get(0) + " = " + key : "(" + String.join(", ", columns) + ") = " + key;
    }

    public TableDesc table() {
        return table;
    }

    public List<String> keyColumns() {
        return keyColumns;
    }

    /** How many distinct keys (rows) were loaded. */
    public int size() {
        return rows.size();
    }

    /** Rows left out because a key column was NULL. */
    public long nullKeyRows() {
        return nullKeyRows;
    }

    /** The row with this key, or null. */
    Object[] get(JoinKey key) {
        return rows.get(key);
    }

    /** The row whose key columns equal these values (in key column order), or null; for tests and tools. */
    public Object[] find(Object... keyValues) {
        if (keyValues.length != keyColumns.size()) {
            throw new IllegalArgumentException("lookup '" + table.name() + "' has " + keyColumns.size()
                    + " key columns, got " + keyValues.length + " values");
        }
        int[] positions = new int[keyValues.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i;
        }
        JoinKey key = JoinKey.of(keyValues, positions);
        return key == null ? null : rows.get(key);
    }
}
