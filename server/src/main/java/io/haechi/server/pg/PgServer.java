package io.haechi.server.pg;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.pg.PgAuthMethods.Method;
import io.haechi.server.runtime.HaechiSettings;
import io.haechi.server.sql.ProjectConnections;
import io.haechi.server.sql.SqlError;
import io.haechi.server.sql.SqlLimits;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL wire-protocol (3.0) endpoint on Netty, so that psql, psqlODBC, pgjdbc and psycopg2 reach the same
 * engine as the JDBC endpoint: a database is a project. Binds {@code haechi.pg.host} (default 127.0.0.1) and
 * {@code haechi.pg.port} (default {@value #DEFAULT_PORT}, 0 for any free port). Clients on this machine are trusted
 * unless a users file is configured ({@code haechi.auth.users}); then they log in with
 * {@code haechi.pg.auth.method} (scram-sha-256, md5 or password). TLS is offered when {@code haechi.pg.ssl.cert} and
 * {@code haechi.pg.ssl.key} are set; otherwise an SSLRequest is answered 'N' and the client goes on in plaintext.
 */
public final class PgServer implements AutoCloseable {
    public static final int DEFAULT_PORT = 15432;
    private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ProjectConnections projects;
    private final HaechiSettings settings;
    private final SqlLimits limits;
    private final String haechiVersion;
    private final Optional<PgUsers> users;
    private final Method method;
    private final boolean trustLoopback;
    private final int maxConnections;
    private final int maxMessageBytes;
    private final SslContext ssl;
    private final boolean sslRequired;
    private final Map<Integer, PgSession> sessions = new ConcurrentHashMap<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger nextProcessId = new AtomicInteger(1 + RANDOM.nextInt(1 << 20));
    private final Stats stats = new Stats();
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private ThreadPoolExecutor pool;
    private Channel listener;

    public PgServer(ProjectConnections projects, HaechiSettings settings, String haechiVersion) {
        this.projects = requireNonNull(projects, "projects is null");
        this.settings = requireNonNull(settings, "settings is null");
        this.haechiVersion = requireNonNull(haechiVersion, "haechiVersion is null");
        this.limits = SqlLimits.from(settings);
        Optional<Path> file = settings.authUsers();
        this.users = file.map(f -> PgUsers.read(f, HaechiSettings.AUTH_USERS));
        this.method = settings.pgAuthMethod();
        this.trustLoopback = settings.pgTrustLoopback();
        this.maxConnections = settings.pgMaxConnections();
        this.maxMessageBytes = settings.pgMaxMessageBytes();
        this.ssl = sslContext(settings);
        this.sslRequired = settings.pgSslRequired();
        if (sslRequired && ssl == null) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + HaechiSettings.PG_SSL_REQUIRE
                    + " needs " + HaechiSettings.PG_SSL_CERT + " and " + HaechiSettings.PG_SSL_KEY);
        }
    }

    private static SslContext sslContext(HaechiSettings settings) {
        Optional<String> cert = settings.get(HaechiSettings.PG_SSL_CERT).filter(s -> !s.isBlank());
        Optional<String> key = settings.get(HaechiSettings.PG_SSL_KEY).filter(s -> !s.isBlank());
        if (cert.isEmpty() && key.isEmpty()) {
            return null;
        }
        if (cert.isEmpty() || key.isEmpty()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "settings " + HaechiSettings.PG_SSL_CERT + " and "
                    + HaechiSettings.PG_SSL_KEY + " go together: set both (PEM certificate chain, PKCS#8 key) or none");
        }
        for (String f : new String[] {cert.get(), key.get()}) {
            if (!Files.isReadable(Path.of(f))) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "cannot read the TLS file " + f);
            }
        }
        try {
            return SslContextBuilder.forServer(Path.of(cert.get()).toFile(), Path.of(key.get()).toFile()).build();
        } catch (Exception e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "settings " + HaechiSettings.PG_SSL_CERT + "/"
                    + HaechiSettings.PG_SSL_KEY + ": not a PEM certificate and PKCS#8 key: " + e.getMessage(), e);
        }
    }

    /** Starts listening; fails with {@link ErrorCode#PORT_IN_USE} when the address is taken. */
    public synchronized PgServer start() {
        if (listener != null) {
            throw new IllegalStateException("the PostgreSQL server is already started");
        }
        String host = settings.pgHost();
        int port = settings.pgPort();
        boss = new NioEventLoopGroup(1, new DefaultThreadFactory("haechi-pg-accept", true));
        workers = new NioEventLoopGroup(2, new DefaultThreadFactory("haechi-pg-io", true));
        pool = new ThreadPoolExecutor(0, maxConnections + 8, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                new DefaultThreadFactory("haechi-pg-session", true));
        ServerBootstrap b = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(64 * 1024, 512 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        PgFrameDecoder decoder = new PgFrameDecoder(maxMessageBytes);
                        ch.pipeline().addLast("frames", decoder);
                        ch.pipeline().addLast("session", new Connection(decoder));
                    }
                });
        try {
            listener = b.bind(new InetSocketAddress(host, port)).syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdownGroups();
            if (e instanceof BindException || e.getCause() instanceof BindException) {
                throw new HaechiException(ErrorCode.PORT_IN_USE, "cannot listen for PostgreSQL clients on " + host
                        + ":" + port + ": the address is in use (setting " + HaechiSettings.PG_PORT + ")", e);
            }
            throw new HaechiException(ErrorCode.INTERNAL_ERROR, "cannot start the PostgreSQL server on " + host + ":"
                    + port + ": " + e.getMessage(), e);
        }
        LOG.info("PostgreSQL wire endpoint on {}:{}", host, port());
        return this;
    }

    @Override
    public synchronized void close() {
        if (listener != null) {
            listener.close().syncUninterruptibly();
            listener = null;
        }
        shutdownGroups();
    }

    private void shutdownGroups() {
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
            boss = null;
            workers = null;
        }
        if (pool != null) {
            pool.shutdown();
            pool = null;
        }
    }

    /** The port listened on (the chosen one when the setting was 0). */
    public synchronized int port() {
        if (listener == null) {
            throw new IllegalStateException("the PostgreSQL server is not started");
        }
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    public String host() {
        return settings.pgHost();
    }

    /** The address actually bound. */
    public synchronized InetSocketAddress boundAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /** The psql command line for a project. */
    public String psqlCommand(String project) {
        return "psql 'host=" + clientHost() + " port=" + port() + " dbname=" + project + " user=" + exampleUser()
                + "'";
    }

    /** An odbc.ini data source for a project (psqlODBC, Debian package odbc-postgresql). */
    public String odbcIni(String project) {
        return "[haechi-" + project + "]\n"
                + "Driver     = PostgreSQL Unicode\n"
                + "Servername = " + clientHost() + "\n"
                + "Port       = " + port() + "\n"
                + "Database   = " + project + "\n"
                + "Username   = " + exampleUser() + "\n"
                + (users.isPresent() ? "Password   = PASSWORD\n" : "");
    }

    private String exampleUser() {
        return users.isPresent() ? "USER" : "haechi";
    }

    private String clientHost() {
        String h = host();
        return h.equals("0.0.0.0") || h.equals("::") ? "127.0.0.1" : h;
    }

    /** Open connections (for tests that check none is left behind). */
    public int openConnections() {
        return connections.get();
    }

    /** Worker threads alive now (for tests that check none is left behind). */
    public int workerThreads() {
        ThreadPoolExecutor p = pool;
        return p == null ? 0 : p.getPoolSize();
    }

    /** What the endpoint has done, for monitoring and tests. */
    public static final class Stats {
        final java.util.concurrent.atomic.LongAdder namedStatements = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder binaryResults = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder suspendedPortals = new java.util.concurrent.atomic.LongAdder();
        final java.util.concurrent.atomic.LongAdder cancelled = new java.util.concurrent.atomic.LongAdder();

        /** Named statements parsed (Parse with a name, as pgjdbc sends from its 5th execution). */
        public long namedStatements() {
            return namedStatements.sum();
        }

        /** Portals whose rows went out in the binary format (at least one column). */
        public long binaryResults() {
            return binaryResults.sum();
        }

        /** Executes that stopped at their row limit (PortalSuspended). */
        public long suspendedPortals() {
            return suspendedPortals.sum();
        }

        /** Statements ended by a cancel request. */
        public long cancelled() {
            return cancelled.sum();
        }
    }

    public Stats stats() {
        return stats;
    }

    // ---- for sessions

    ProjectConnections projects() {
        return projects;
    }

    SqlLimits limits() {
        return limits;
    }

    Optional<PgUsers> users() {
        return users;
    }

    String haechiVersion() {
        return haechiVersion;
    }

    String serverVersion() {
        return PgSession.serverVersion(haechiVersion);
    }

    /** How a client logs in: trusted from this machine unless a users file says otherwise. */
    Method authentication(boolean loopback) {
        if (users.isEmpty()) {
            if (!loopback) {
                throw new PgError("28000", "connections from other hosts need a users file: set "
                        + HaechiSettings.AUTH_USERS);
            }
            return Method.TRUST;
        }
        return loopback && trustLoopback ? Method.TRUST : method;
    }

    void sessionReady(PgSession session) {
        sessions.put(session.processId, session);
    }

    private void cancel(int processId, int secretKey) {
        PgSession s = sessions.get(processId);
        // A wrong key is ignored silently, as PostgreSQL does: the requester learns nothing.
        if (s != null && s.secretKey == secretKey) {
            LOG.debug("cancel request for session {}", processId);
            s.cancel();
        }
    }

    /** One client connection: frames to its session's serial queue, SSL negotiation and cancel requests here. */
    private final class Connection extends ChannelInboundHandlerAdapter {
        private final PgFrameDecoder decoder;
        private PgSession session;
        private PgOutput out;
        private SerialQueue queue;
        private boolean counted;

        Connection(PgFrameDecoder decoder) {
            this.decoder = decoder;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            Channel ch = ctx.channel();
            out = new PgOutput(ch);
            boolean loopback = ch.remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                    && a.getAddress().isLoopbackAddress();
            session = new PgSession(PgServer.this, ch, out, decoder, nextProcessId.getAndIncrement(),
                    RANDOM.nextInt(), loopback);
            queue = new SerialQueue(pool, ch);
            counted = true;
            if (connections.incrementAndGet() > maxConnections) {
                queue.submit(() -> {
                    out.error("FATAL", new SqlError("53300", "sorry, too many clients already (setting "
                            + HaechiSettings.PG_MAX_CONNECTIONS + " = " + maxConnections + ")", Optional.empty()),
                            false);
                    out.flush();
                    ch.close();
                });
                return;
            }
            // A client that does not finish logging in within the timeout is dropped (PostgreSQL: 1 minute).
            ctx.executor().schedule(() -> {
                if (ch.isActive() && !session.ready()) {
                    LOG.debug("PostgreSQL client {} did not log in in time", ch.remoteAddress());
                    ch.close();
                }
            }, settings.pgAuthTimeoutSeconds(), TimeUnit.SECONDS);
            ctx.fireChannelActive();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof PgFrame.EncryptionRequest request) {
                boolean tls = ssl != null && !request.gss() && ctx.pipeline().get(SslHandler.class) == null;
                ctx.writeAndFlush(Unpooled.wrappedBuffer(new byte[] {(byte) (tls ? 'S' : 'N')}));
                if (tls) {
                    ctx.pipeline().addFirst("tls", ssl.newHandler(ctx.alloc()));
                }
                return;
            }
            if (msg instanceof PgFrame.Cancel c) {
                cancel(c.processId(), c.secretKey());
                ctx.close();
                return;
            }
            if (msg instanceof PgFrame.Startup && sslRequired && ctx.pipeline().get(SslHandler.class) == null) {
                queue.submit(() -> session.handle(new PgFrame.Violation("28000", "this server requires TLS: "
                        + "connect with sslmode=require")));
                return;
            }
            PgFrame frame = (PgFrame) msg;
            queue.submit(() -> session.handle(frame));
        }

        @Override
        public void channelWritabilityChanged(ChannelHandlerContext ctx) {
            out.writabilityChanged();
            ctx.fireChannelWritabilityChanged();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (counted) {
                counted = false;
                connections.decrementAndGet();
            }
            sessions.remove(session.processId, session);
            session.cancel();
            out.writabilityChanged();
            queue.submit(session::close);
            ctx.fireChannelInactive();
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            LOG.debug("PostgreSQL connection {} failed", ctx.channel().remoteAddress(), cause);
            ctx.close();
        }
    }
}
