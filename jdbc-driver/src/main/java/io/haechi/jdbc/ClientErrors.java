package io.haechi.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaSqlException;

/**
 * Gives the caller the server's error as it was meant: Avatica's client builds messages like
 * {@code Error 5001 (42601) : Error while executing SQL "<the whole statement>": Remote driver error: ...}, or drops
 * the server's message entirely when preparing. A Haechi server sends the short message as the error's only
 * "stack trace" line; this class wraps the connection and everything it hands out (statements, result sets,
 * metadata) so each {@link SQLException} carries that message, the server's SQLState and its error code, with
 * Avatica's exception kept as the cause.
 */
final class ClientErrors {
    private static final Pattern CLASS_PREFIX = Pattern.compile("^([a-zA-Z_$][\\w$]*\\.)+[\\w$]*(Exception|Error): ");
    private static final int MAX_MESSAGE = 2000;

    private ClientErrors() {
    }

    static Connection wrap(Connection connection) {
        return (Connection) proxy(Connection.class, connection, null, null);
    }

    /** The caller-facing form of any failure of the Avatica client. */
    static SQLException translate(Throwable e, Object where) {
        if (e instanceof AvaticaSqlException a) {
            return create(shortMessage(a.getStackTraces(), a.getErrorMessage()), a.getSQLState(), a.getErrorCode(), a);
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof AvaticaClientRuntimeException r) {
                return create(shortMessage(r.getServerExceptions(), r.getMessage()), r.getSqlState(), r.getErrorCode(),
                        e);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException) {
                return create("cannot reach the Haechi server" + (where == null ? "" : " at " + where) + ": "
                        + t.getMessage(), "08001", 0, e);
            }
            String message = t.getMessage();
            if (message != null && message.startsWith("Failed to execute HTTP Request, got HTTP/")) {
                String status = message.substring(message.lastIndexOf('/') + 1);
                if (status.equals("401")) {
                    return create("authentication failed: check user and password", "28P01", 0, e);
                }
                if (status.equals("403")) {
                    return create("user not authorised to use this server", "28000", 0, e);
                }
                if (status.equals("413")) {
                    return create("request too large for the server (setting haechi.jdbc.max.request.bytes)",
                            "54000", 0, e);
                }
                return create("the Haechi server answered HTTP " + status, "08006", 0, e);
            }
        }
        if (e instanceof SQLException s) {
            return s;
        }
        return create(firstLine(e.getMessage() == null ? e.toString() : e.getMessage()), "08006", 0, e);
    }

    static String shortMessage(List<String> serverExceptions, String fallback) {
        String text = serverExceptions == null || serverExceptions.isEmpty() ? fallback : serverExceptions.get(0);
        if (text == null) {
            return "unknown error";
        }
        String line = firstLine(text);
        line = CLASS_PREFIX.matcher(line).replaceFirst("");
        return line.length() > MAX_MESSAGE ? line.substring(0, MAX_MESSAGE) + "..." : line;
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return (nl < 0 ? text : text.substring(0, nl)).strip();
    }

    private static SQLException create(String message, String sqlState, int code, Throwable cause) {
        String state = sqlState == null ? "" : sqlState;
        SQLException e;
        if (state.startsWith("08")) {
            e = new SQLNonTransientConnectionException(message, sqlState, code, cause);
        } else if (state.startsWith("28")) {
            e = new SQLInvalidAuthorizationSpecException(message, sqlState, code, cause);
        } else if (state.startsWith("42")) {
            e = new SQLSyntaxErrorException(message, sqlState, code, cause);
        } else if (state.startsWith("22")) {
            e = new SQLDataException(message, sqlState, code, cause);
        } else if (state.startsWith("0A")) {
            e = new SQLFeatureNotSupportedException(message, sqlState, code, cause);
        } else {
            e = new SQLException(message, sqlState, code, cause);
        }
        return e;
    }

    private static Object proxy(Class<?> type, Object target, Object parent, Connection connection) {
        Handler handler = new Handler(target, parent, connection);
        Object proxy = Proxy.newProxyInstance(ClientErrors.class.getClassLoader(), new Class<?>[] {type}, handler);
        if (connection == null) {
            handler.connection = (Connection) proxy;
        }
        return proxy;
    }

    private static boolean wrapped(Class<?> type) {
        return Statement.class.isAssignableFrom(type) || type == ResultSet.class || type == DatabaseMetaData.class;
    }

    /** Forwards each call, wraps the JDBC objects it returns and translates what it throws. */
    private static final class Handler implements InvocationHandler {
        private final Object target;
        private final Object parent;
        private Connection connection;

        Handler(Object target, Object parent, Connection connection) {
            this.target = target;
            this.parent = parent;
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            String name = method.getName();
            int arity = args == null ? 0 : args.length;
            if (name.equals("equals") && arity == 1) {
                return proxy == args[0];
            }
            if (name.equals("hashCode") && arity == 0) {
                return System.identityHashCode(proxy);
            }
            if (name.equals("unwrap") && arity == 1 && ((Class<?>) args[0]).isInstance(proxy)) {
                return proxy;
            }
            if (name.equals("isWrapperFor") && arity == 1 && ((Class<?>) args[0]).isInstance(proxy)) {
                return true;
            }
            Class<?> returns = method.getReturnType();
            if (returns == Connection.class && arity == 0) {
                return connection;
            }
            if (name.equals("getStatement") && arity == 0 && parent instanceof Statement) {
                return parent;
            }
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                Throwable cause = e.getCause();
                if (cause instanceof SQLException || (cause instanceof RuntimeException && declaresSqlException(method))) {
                    throw translate(cause, null);
                }
                throw cause;
            }
            if (result != null && wrapped(returns) && returns.isInterface()) {
                return proxy(returns, result, proxy, connection);
            }
            return result;
        }

        private static boolean declaresSqlException(Method method) {
            return Arrays.asList(method.getExceptionTypes()).contains(SQLException.class);
        }
    }
}
