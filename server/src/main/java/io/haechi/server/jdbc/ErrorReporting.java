package io.haechi.server.jdbc;

import io.haechi.server.sql.SqlError;
import io.haechi.server.sql.SqlStates;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.avatica.NoSuchConnectionException;
import org.apache.calcite.avatica.remote.Service;
import org.apache.calcite.avatica.remote.Service.ErrorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the Avatica {@link Service} so that every failure of a request reaches the client as a
 * {@link ClientFacingException} with the SQLState, short message and Haechi error code of {@link SqlStates}
 * (instead of Avatica's SQLState 00000 and "Remote driver error: ..." chain). A lost connection keeps Avatica's own
 * error code, which its client uses to reconnect.
 */
final class ErrorReporting {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorReporting.class);

    private ErrorReporting() {
    }

    /** Wraps {@code service}; counts each request by its type (e.g. {@code FetchRequest}) into {@code counts}. */
    static Service wrap(Service service, Map<String, LongAdder> counts) {
        return (Service) Proxy.newProxyInstance(Service.class.getClassLoader(), new Class<?>[] {Service.class},
                (proxy, method, args) -> {
                    if (method.getDeclaringClass() == Object.class) {
                        return switch (method.getName()) {
                            case "equals" -> proxy == args[0];
                            case "hashCode" -> System.identityHashCode(proxy);
                            default -> "ErrorReporting(" + service + ")";
                        };
                    }
                    if (args != null && args.length == 1 && args[0] instanceof Service.Request) {
                        counts.computeIfAbsent(args[0].getClass().getSimpleName(), k -> new LongAdder()).increment();
                    }
                    try {
                        return method.invoke(service, args);
                    } catch (InvocationTargetException e) {
                        throw toClient(e.getCause());
                    }
                });
    }

    static ClientFacingException toClient(Throwable failure) {
        if (failure instanceof ClientFacingException c) {
            return c;
        }
        if (failure instanceof NoSuchConnectionException) {
            return new ClientFacingException("the connection is closed on the server (closed or idle too long); "
                    + "open a new one", ErrorResponse.MISSING_CONNECTION_ERROR_CODE, "08003");
        }
        SqlError error = SqlStates.of(failure);
        if (error.sqlState().startsWith("XX") || error.sqlState().startsWith("58")) {
            LOG.warn("JDBC request failed ({} {})", error.sqlState(), error.message(), failure);
        } else {
            LOG.debug("JDBC request failed ({} {})", error.sqlState(), error.message(), failure);
        }
        return new ClientFacingException(error);
    }
}
