package io.haechi.server.jdbc;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.sql.ProjectConnections;
import io.haechi.server.sql.SqlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.calcite.avatica.remote.Driver.Serialization;
import org.apache.calcite.avatica.remote.LocalService;
import org.apache.calcite.avatica.server.HttpServer;
import org.apache.calcite.avatica.server.ServerCustomizer;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The JDBC endpoint: Avatica's HTTP server speaking protobuf, over {@link HaechiMeta}. Binds
 * {@code haechi.jdbc.host} (default 127.0.0.1: this machine only) and {@code haechi.jdbc.port} (default 8765, 0 for
 * any free port); with {@code haechi.jdbc.auth.users} set, clients authenticate with HTTP BASIC against that Jetty
 * users file (role {@value #ROLE}). Clients connect with {@link #url(String)} and the Haechi driver jar.
 */
public final class JdbcServer implements AutoCloseable {
    /** The role a users-file entry needs: {@code alice: secret,haechi}. */
    public static final String ROLE = "haechi";

    private final ProjectConnections projects;
    private final HaechiSettings settings;
    private HttpServer http;
    private volatile Server jetty;
    private final Map<String, LongAdder> requestCounts = new ConcurrentHashMap<>();

    public JdbcServer(ProjectConnections projects, HaechiSettings settings) {
        this.projects = requireNonNull(projects, "projects is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /** Starts listening; fails with {@link ErrorCode#PORT_IN_USE} when the address is taken. */
    public synchronized JdbcServer start() {
        if (http != null) {
            throw new IllegalStateException("the JDBC server is already started");
        }
        String host = settings.jdbcHost();
        int port = settings.jdbcPort();
        long maxRequest = settings.jdbcMaxRequestBytes();
        HaechiMeta meta;
        try {
            meta = new HaechiMeta(projects, SqlLimits.from(settings), version());
        } catch (SQLException e) {
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot create the JDBC service: " + e.getMessage(), e);
        }
        ServerCustomizer<Server> customizer = server -> {
            for (Connector connector : server.getConnectors()) {
                if (connector instanceof ServerConnector c) {
                    c.setHost(host);
                }
            }
            RequestSizeLimit limit = new RequestSizeLimit(maxRequest);
            limit.setHandler(server.getHandler());
            server.setHandler(limit);
            jetty = server;
        };
        HttpServer.Builder<Server> builder = HttpServer.Builder.<Server>newBuilder()
                .withHandler(ErrorReporting.wrap(new LocalService(meta), requestCounts), Serialization.PROTOBUF)
                .withPort(port)
                .withServerCustomizers(List.of(customizer), Server.class);
        Optional<Path> users = settings.jdbcAuthUsers();
        if (users.isPresent()) {
            if (!Files.isReadable(users.get())) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + HaechiSettings.JDBC_AUTH_USERS
                        + ": cannot read the users file " + users.get());
            }
            builder.withBasicAuthentication(users.get().toString(), new String[] {ROLE});
        }
        HttpServer server = builder.build();
        try {
            server.start();
        } catch (RuntimeException e) {
            jetty = null;
            try {
                server.stop();
            } catch (RuntimeException stopFailure) {
                e.addSuppressed(stopFailure);
            }
            if (causedBy(e, BindException.class)) {
                throw new HaechiException(ErrorCode.PORT_IN_USE, "cannot listen for JDBC on " + host + ":" + port
                        + ": the address is in use (setting " + HaechiSettings.JDBC_PORT + ")", e);
            }
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot start the JDBC server on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        http = server;
        return this;
    }

    /** Stops listening; open client connections fail from then on. */
    public synchronized void stop() {
        if (http != null) {
            try {
                http.stop();
            } finally {
                http = null;
                jetty = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on (the chosen one when the setting was 0). */
    public synchronized int port() {
        if (http == null) {
            throw new IllegalStateException("the JDBC server is not started");
        }
        return http.getPort();
    }

    /** The configured bind host. */
    public String host() {
        return settings.jdbcHost();
    }

    /** The URL a client connects to a project with: {@code jdbc:haechi://HOST:PORT/PROJECT}. */
    public String url(String project) {
        requireNonNull(project, "project is null");
        return "jdbc:haechi://" + HaechiSettings.clientHost(host()) + ":" + port() + "/" + project;
    }

    /** How many Avatica requests of each type (e.g. {@code FetchRequest}) this server has answered. */
    public Map<String, Long> requestCounts() {
        Map<String, Long> out = new TreeMap<>();
        requestCounts.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    /** The socket addresses actually bound (for checks that the endpoint is loopback-only). */
    public List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        Server server = jetty;
        if (server == null) {
            return out;
        }
        for (Connector connector : server.getConnectors()) {
            if (connector instanceof ServerConnector c && c.getTransport() instanceof ServerSocketChannel channel) {
                try {
                    out.add((InetSocketAddress) channel.getLocalAddress());
                } catch (IOException e) {
                    throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot read the JDBC socket address", e);
                }
            }
        }
        return out;
    }

    private static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    /** Haechi's version, as Maven filtered it into {@code haechi-version.properties}. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = JdbcServer.class.getResourceAsStream("/haechi-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return p.getProperty("version", "unknown");
    }
}
