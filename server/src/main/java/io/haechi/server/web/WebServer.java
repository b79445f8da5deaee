package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.jdbc.JdbcServer;
import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.runtime.HaechiSettings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.security.ConstraintMapping;
import org.eclipse.jetty.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.HashLoginService;
import org.eclipse.jetty.security.authentication.BasicAuthenticator;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerList;
import org.eclipse.jetty.util.security.Constraint;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The web endpoint: one Jetty server with the REST API under {@code /api} and the UI's files at {@code /}. Binds
 * {@code haechi.web.host} (default 127.0.0.1: this machine only) and {@code haechi.web.port} (default 8080, 0 for any
 * free port). With a users file ({@code haechi.web.auth.users}, default {@code haechi.jdbc.auth.users}) every path
 * but {@code /api/health} needs HTTP BASIC credentials of a user with the role {@value #ROLE}.
 */
public final class WebServer implements AutoCloseable {
    /** The role a users-file entry needs: {@code alice: secret,haechi} (as for JDBC). */
    public static final String ROLE = "haechi";

    private final Router router;
    private final HaechiSettings settings;
    private final StaticAssets assets = new StaticAssets(WebServer.class.getClassLoader());
    private Server jetty;
    private ServerConnector connector;

    WebServer(Router router, HaechiSettings settings) {
        this.router = requireNonNull(router, "router is null");
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The web endpoint over a context: its REST API runs builds on {@code builds}; {@code jdbcUrl} (with
     * {@code PROJECT}) is what the health endpoint tells clients about the JDBC endpoint beside it.
     */
    public static WebServer over(HaechiContext context, BuildQueue builds, Optional<String> jdbcUrl) {
        WebServices services = new WebServices(context, builds, Instant.now(), jdbcUrl, JdbcServer.version());
        return new WebServer(WebApi.routes(services, context.settings().webAuthUsers().isPresent()),
                context.settings());
    }

    /** Starts listening; fails with {@link ErrorCode#PORT_IN_USE} when the address is taken. */
    public synchronized WebServer start() {
        if (jetty != null) {
            throw new IllegalStateException("the web server is already started");
        }
        String host = settings.webHost();
        int port = settings.webPort();
        QueuedThreadPool threads = new QueuedThreadPool(32, 2);
        threads.setName("haechi-web");
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector c = new ServerConnector(server, 1, 1);
        c.setHost(host);
        c.setPort(port);
        server.addConnector(c);
        HandlerList handlers = new HandlerList();
        handlers.addHandler(new ApiHandler(router, settings.webMaxRequestBytes()));
        handlers.addHandler(assets);
        RequestGuard guard = new RequestGuard(isLoopback(host));
        guard.setHandler(handlers);
        server.setHandler(authenticated(server, guard));
        server.setErrorHandler(new JsonErrorHandler());
        server.setStopTimeout(2000);
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception stopFailure) {
                e.addSuppressed(stopFailure);
            }
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new HaechiException(ErrorCode.PORT_IN_USE, "cannot listen for the web UI and REST API on "
                        + host + ":" + port + ": the address is in use (setting " + HaechiSettings.WEB_PORT + ")", e);
            }
            if (e instanceof HaechiException he) {
                throw he;
            }
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot start the web server on " + host + ":" + port
                    + ": " + e.getMessage(), e);
        }
        jetty = server;
        connector = c;
        return this;
    }

    private Handler authenticated(Server server, Handler inner) {
        Optional<Path> users = settings.webAuthUsers();
        if (users.isEmpty()) {
            return inner;
        }
        if (!Files.isReadable(users.get())) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + HaechiSettings.WEB_AUTH_USERS
                    + " (or " + HaechiSettings.JDBC_AUTH_USERS + "): cannot read the users file " + users.get());
        }
        HashLoginService login = new HashLoginService("Haechi", users.get().toString());
        server.addBean(login);
        Constraint required = new Constraint(Constraint.__BASIC_AUTH, ROLE);
        required.setRoles(new String[] {ROLE});
        required.setAuthenticate(true);
        ConstraintMapping all = new ConstraintMapping();
        all.setPathSpec("/*");
        all.setConstraint(required);
        Constraint open = new Constraint();
        open.setAuthenticate(false);
        ConstraintMapping health = new ConstraintMapping();
        health.setPathSpec("/api/health");
        health.setConstraint(open);
        ConstraintSecurityHandler security = new ConstraintSecurityHandler();
        security.setAuthenticator(new BasicAuthenticator());
        security.setLoginService(login);
        security.setRealmName("Haechi");
        security.setConstraintMappings(List.of(all, health));
        security.setHandler(inner);
        return security;
    }

    /** Every API endpoint as {@code METHOD /api/template} (what openapi.json must describe). */
    public List<String> endpoints() {
        return router.routes().stream().map(r -> r.method() + " " + r.template()).toList();
    }

    /** Whether the endpoint needs credentials. */
    public boolean authenticates() {
        return settings.webAuthUsers().isPresent();
    }

    /** Whether the web-wizard jar with the UI is on the classpath. */
    public boolean uiPackaged() {
        return assets.uiPackaged();
    }

    public synchronized void stop() {
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot stop the web server: " + e.getMessage(), e);
            } finally {
                jetty = null;
                connector = null;
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port listened on (the chosen one when the setting was 0). */
    public synchronized int port() {
        if (connector == null) {
            throw new IllegalStateException("the web server is not started");
        }
        return connector.getLocalPort();
    }

    /** The UI's URL, {@code http://HOST:PORT/}. */
    public String url() {
        return "http://" + HaechiSettings.clientHost(settings.webHost()) + ":" + port() + "/";
    }

    /** The socket addresses actually bound. */
    public synchronized List<InetSocketAddress> boundAddresses() {
        List<InetSocketAddress> out = new ArrayList<>();
        if (connector != null && connector.getTransport() instanceof ServerSocketChannel channel) {
            try {
                out.add((InetSocketAddress) channel.getLocalAddress());
            } catch (IOException e) {
                throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot read the web socket address", e);
            }
        }
        return out;
    }

    private static boolean isLoopback(String host) {
        try {
            for (InetAddress a : InetAddress.getAllByName(host.replace("[", "").replace("]", ""))) {
                if (!a.isLoopbackAddress()) {
                    return false;
                }
            }
            return true;
        } catch (UnknownHostException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + HaechiSettings.WEB_HOST + ": unknown "
                    + "host '" + host + "'");
        }
    }
}
