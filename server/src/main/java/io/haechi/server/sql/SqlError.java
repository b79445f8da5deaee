package io.haechi.server.sql;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import java.util.Optional;

/**
 * A failure as an SQL client sees it.
 *
 * @param sqlState the five-character SQLState (PostgreSQL-compatible where PostgreSQL has the condition)
 * @param message one short line for the user: no stack, no exception class names
 * @param errorCode the Haechi error code when the failure carried one
 */
public record SqlError(String sqlState, String message, Optional<ErrorCode> errorCode) {
    public SqlError {
        requireNonNull(sqlState, "sqlState is null");
        requireNonNull(message, "message is null");
        requireNonNull(errorCode, "errorCode is null");
        if (sqlState.length() != 5) {
            throw new IllegalArgumentException("sqlState must have 5 characters, got '" + sqlState + "'");
        }
    }

    /** The vendor error code for JDBC/PG: the Haechi code number, or 0 when there is none. */
    public int vendorCode() {
        return errorCode.map(ErrorCode::code).orElse(0);
    }
}
