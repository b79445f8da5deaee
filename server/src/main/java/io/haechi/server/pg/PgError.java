package io.haechi.server.pg;

import io.haechi.server.sql.SqlError;
import io.haechi.server.sql.SqlStates;
import java.util.Optional;

/**
 * A protocol-level error with PostgreSQL's SQLSTATE (prepared statement or portal unknown, a transaction-block rule,
 * a read-only statement, a feature not supported); everything else reaches the client through {@link SqlStates}.
 */
final class PgError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    static final String PROTOCOL_VIOLATION = "08P01";
    static final String FEATURE_NOT_SUPPORTED = "0A000";
    static final String READ_ONLY = "25006";
    static final String NO_ACTIVE_TRANSACTION = "25P01";
    static final String IN_FAILED_TRANSACTION = "25P02";
    static final String UNDEFINED_STATEMENT = "26000";
    static final String UNDEFINED_CURSOR = "34000";
    static final String DUPLICATE_STATEMENT = "42P05";
    static final String DUPLICATE_CURSOR = "42P03";
    static final String UNDEFINED_OBJECT = "42704";
    static final String INVALID_PARAMETER_VALUE = "22023";
    static final String QUERY_CANCELED = "57014";

    private final String sqlState;

    PgError(String sqlState, String message) {
        super(message);
        this.sqlState = sqlState;
    }

    /** What the client gets for {@code failure}. */
    static SqlError of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgError p) {
                return new SqlError(p.sqlState, p.getMessage(), Optional.empty());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return SqlStates.of(failure);
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
