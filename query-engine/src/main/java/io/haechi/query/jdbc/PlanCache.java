package io.haechi.query.jdbc;

import io.haechi.query.exec.LruCache;
import java.lang.reflect.Type;
import java.util.List;
import java.util.function.Function;
import org.apache.calcite.jdbc.CalcitePrepare;

/**
 * Prepared statements by SQL text (calcite-avatica.md section 5: a warm dashboard query then skips parsing,
 * validation, optimisation and code generation). The key holds the project's metadata signature, so a new segment,
 * cube or table change makes the next statement plan afresh.
 */
public final class PlanCache {
    private final LruCache<Key, CalcitePrepare.CalciteSignature<?>> cache;
    private final Function<String, String> signatures;

    record Key(List<String> schema, String signature, String sql, Type elementType, long maxRowCount) {
    }

    /**
     * @param capacity statements kept (0: off)
     * @param signatures the current metadata signature of a project
     */
    public PlanCache(int capacity, Function<String, String> signatures) {
        this.cache = new LruCache<>(capacity);
        this.signatures = signatures;
    }

    Key key(CalcitePrepare.Context context, String sql, Type elementType, long maxRowCount) {
        List<String> schema = context.getDefaultSchemaPath();
        if (sql == null || schema == null || schema.size() != 1) {
            return null;
        }
        return new Key(List.copyOf(schema), signatures.apply(schema.get(0)), sql, elementType, maxRowCount);
    }

    CalcitePrepare.CalciteSignature<?> get(Key key) {
        return key == null ? null : cache.get(key);
    }

    void put(Key key, CalcitePrepare.CalciteSignature<?> signature) {
        if (key != null) {
            cache.put(key, signature);
        }
    }
}
