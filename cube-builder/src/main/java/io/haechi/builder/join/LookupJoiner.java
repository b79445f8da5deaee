package io.haechi.builder.join;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectCollector;
import io.haechi.builder.reject.RejectReason;
import io.haechi.builder.reject.Rejection;
import io.haechi.builder.source.SourceRow;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TableDesc;
import io.haechi.model.table.TypeName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * Turns fact rows into flat rows: the fact's columns, then each lookup's columns in join order. Each join looks
 * its lookup up by hash; a miss on an INNER join rejects the fact row ({@link RejectReason#UNKNOWN_FOREIGN_KEY},
 * with the fact row's file and row and the key), a miss on a LEFT join fills the lookup's columns with NULL and is
 * counted per join ({@link #leftMisses()}). A NULL foreign key is a miss, as in SQL. Joins run in order, so a
 * lookup's columns are there for the joins after it (snowflake). Thread-safe: share one joiner between readers.
 */
public final class LookupJoiner {
    private final TableDesc fact;
    private final List<JoinSpec> joins;
    private final Map<String, Integer> offsets = new LinkedHashMap<>();
    private final Map<String, TableDesc> tables = new LinkedHashMap<>();
    private final int[][] foreignKeyIndexes;
    private final int width;
    private final LongAdder[] misses;

    public LookupJoiner(TableDesc fact, List<JoinSpec> joins) {
        this.fact = requireNonNull(fact, "fact is null");
        this.joins = List.copyOf(requireNonNull(joins, "joins is null"));
        int offset = fact.columns().size();
        offsets.put(key(fact.name()), 0);
        tables.put(key(fact.name()), fact);
        foreignKeyIndexes = new int[this.joins.size()][];
        misses = new LongAdder[this.joins.size()];
        for (int j = 0; j < this.joins.size(); j++) {
            JoinSpec spec = this.joins.get(j);
            int[] fk = new int[spec.foreignKey().size()];
            for (int k = 0; k < fk.length; k++) {
                ColumnRef ref = spec.foreignKey().get(k);
                fk[k] = index(ref, spec.alias());
                checkComparable(spec, k, ref);
            }
            foreignKeyIndexes[j] = fk;
            if (offsets.putIfAbsent(key(spec.alias()), offset) != null) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                        "the alias '" + spec.alias() + "' is used twice in the joins of '" + fact.name() + "'");
            }
            tables.put(key(spec.alias()), spec.lookup().table());
            offset += spec.lookup().table().columns().size();
            misses[j] = new LongAdder();
        }
        this.width = offset;
    }

    private static String key(String alias) {
        return alias.toLowerCase(Locale.ROOT);
    }

    /** The position of a column of the fact or of an already-joined lookup in the flat row. */
    private int index(ColumnRef ref, String joinAlias) {
        Integer offset = offsets.get(key(ref.table()));
        if (offset == null) {
            throw new HaechiException(ErrorCode.UNKNOWN_TABLE, "the join '" + joinAlias + "' refers to '"
                    + ref + "', but '" + ref.table() + "' is neither the fact table nor a lookup joined before it; "
                    + "known: " + offsets.keySet());
        }
        return offset + LookupTable.indexOf(tables.get(key(ref.table())), ref.column());
    }

    /**
     * A foreign key and the lookup key it meets must be comparable ({@link JoinKey}): integers and decimals with
     * each other, CHAR with VARCHAR, otherwise the same type. Else every row would miss, so fail up front.
     */
    private void checkComparable(JoinSpec spec, int k, ColumnRef ref) {
        TableDesc fkTable = tables.get(key(ref.table()));
        DataType fkType = fkTable.columns().get(LookupTable.indexOf(fkTable, ref.column())).type();
        TableDesc lookupTable = spec.lookup().table();
        String keyColumn = spec.lookup().keyColumns().get(k);
        DataType keyType = lookupTable.columns().get(LookupTable.indexOf(lookupTable, keyColumn)).type();
        if (family(fkType.name()) != family(keyType.name())) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "the join '" + spec.alias() + "' compares "
                    + ref + " (" + fkType + ") with " + lookupTable.name() + "." + keyColumn + " (" + keyType
                    + "): these types never compare equal");
        }
    }

    private static Object family(TypeName type) {
        if (type.isInteger() || type == TypeName.DECIMAL) {
            return "exact number";
        }
        if (type.isString()) {
            return "string";
        }
        return type;
    }

    /** The position of a column in the flat row; {@code UNKNOWN_TABLE} or {@code UNKNOWN_COLUMN} if none. */
    public int indexOf(ColumnRef ref) {
        return index(ref, "(flat row)");
    }

    /** How many values a flat row has. */
    public int width() {
        return width;
    }

    /**
     * The flat row of a fact row, or null when an INNER join rejected it (then counted in {@code rejects}). The
     * fact row's values are copied, not modified.
     */
    public Object[] join(SourceRow factRow, RejectCollector rejects) {
        Object[] flat = new Object[width];
        Object[] values = factRow.values();
        System.arraycopy(values, 0, flat, 0, Math.min(values.length, fact.columns().size()));
        int offset = fact.columns().size();
        for (int j = 0; j < joins.size(); j++) {
            JoinSpec spec = joins.get(j);
            int[] fk = foreignKeyIndexes[j];
            Object[] match;
            JoinKey key = null;
            Object single = fk.length == 1 ? flat[fk[0]] : null;
            if (single != null && spec.lookup().hasIntegralKey() && (single instanceof Integer
                    || single instanceof Long || single instanceof Short || single instanceof Byte)) {
                // Hot path: one integral key column, no allocation.
                match = spec.lookup().getIntegral(((Number) single).longValue());
                if (match == null) {
                    key = JoinKey.of(flat, fk);
                }
            } else {
                key = JoinKey.of(flat, fk);
                match = key == null ? null : spec.lookup().get(key);
            }
            int columns = spec.lookup().table().columns().size();
            if (match != null) {
                System.arraycopy(match, 0, flat, offset, columns);
            } else if (spec.type() == JoinType.LEFT) {
                misses[j].increment();
            } else {
                rejects.reject(Rejection.ofRow(RejectReason.UNKNOWN_FOREIGN_KEY, factRow.origin(),
                        names(spec.foreignKey()), key == null ? "NULL" : key.toString(),
                        "a row of lookup '" + spec.alias() + "' with "
                                + String.join(", ", spec.lookup().keyColumns()) + " equal to it (INNER join)"));
                return null;
            }
            offset += columns;
        }
        return flat;
    }

    private static String names(List<ColumnRef> refs) {
        List<String> out = new ArrayList<>();
        for (ColumnRef r : refs) {
            out.add(r.toString());
        }
        return String.join(", ", out);
    }

    /** Misses per LEFT join alias so far (rows kept with NULL lookup columns), in join order. */
    public Map<String, Long> leftMisses() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (int j = 0; j < joins.size(); j++) {
            if (joins.get(j).type() == JoinType.LEFT) {
                out.put(joins.get(j).alias(), misses[j].sum());
            }
        }
        return out;
    }
}
