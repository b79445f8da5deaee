package io.haechi.server.jdbc;

import io.haechi.server.sql.SqlError;
import java.io.PrintStream;
import java.io.PrintWriter;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;

/**
 * An error on its way to a JDBC client. Avatica sends an error's printed stack trace to the client; this one prints
 * only its short message, so the client (the Haechi driver shows it as the SQLException's message) sees no server
 * internals. The full failure is logged on the server.
 */
final class ClientFacingException extends AvaticaRuntimeException {
    private static final long serialVersionUID = 1L;

    ClientFacingException(SqlError error) {
        this(error.message(), error.vendorCode(), error.sqlState());
    }

    ClientFacingException(String message, int code, String sqlState) {
        super(message, code, sqlState, AvaticaSeverity.ERROR);
    }

    @Override
    public String getMessage() {
        return getErrorMessage();
    }

    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }

    @Override
    public void printStackTrace(PrintWriter s) {
        s.print(getErrorMessage());
    }

    @Override
    public void printStackTrace(PrintStream s) {
        s.print(getErrorMessage());
    }
}
