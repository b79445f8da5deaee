package io.haechi.server.pg.catalog;

import java.util.Map;
import java.util.function.Supplier;

/**
 * The session a catalog query runs for, visible to the catalog's tables and functions on the worker thread that runs
 * the query (Calcite evaluates catalog queries synchronously on the caller's thread).
 */
public record SessionView(String user, int processId, Map<String, String> settings, Supplier<CatalogData> data,
        Supplier<Boolean> cancelled) {
    private static final ThreadLocal<SessionView> CURRENT = new ThreadLocal<>();

    /** Runs {@code action} with this session current. */
    public <T> T with(Action<T> action) throws Exception {
        SessionView previous = CURRENT.get();
        CURRENT.set(this);
        try {
            return action.run();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static SessionView current() {
        SessionView v = CURRENT.get();
        if (v == null) {
            throw new IllegalStateException("no PostgreSQL session on this thread");
        }
        return v;
    }

    /** Something run with a session current. */
    @FunctionalInterface
    public interface Action<T> {
        T run() throws Exception;
    }
}
