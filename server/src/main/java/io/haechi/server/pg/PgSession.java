package io.haechi.server.pg;

import io.haechi.server.pg.PgAuthMethods.Method;
import io.haechi.server.pg.PgCommand.Kind;
import io.haechi.server.pg.catalog.CatalogData;
import io.haechi.server.pg.catalog.PgCatalog;
import io.haechi.server.pg.catalog.PgFunctions;
import io.haechi.server.pg.catalog.SessionView;
import io.haechi.server.sql.SqlError;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection's protocol state, driven by its frames in order on one worker thread at a time: startup and
 * authentication, then the simple query protocol (several statements per Query) and the extended protocol (named and
 * unnamed statements and portals, Describe, suspended portals, error recovery up to Sync), the session statements
 * (SET/SHOW/RESET, transaction blocks, cursors, DEALLOCATE), and queries routed to the engine or to the session's
 * {@link PgCatalog}. A CancelRequest from another connection cancels the statement running here.
 */
final class PgSession {
    private static final Logger LOG = LoggerFactory.getLogger(PgSession.class);

    enum Phase { STARTUP, AUTHENTICATING, READY, CLOSED }

    private final PgServer server;
    private final Channel channel;
    private final PgOutput out;
    private final PgFrameDecoder decoder;
    final int processId;
    final int secretKey;
    private final boolean loopback;

    private Phase phase = Phase.STARTUP;
    private PgAuthenticator authenticator;
    private String user;
    private String project;
    private PgSettings settings;
    private Connection engine;
    private Connection catalog;
    private SessionView view;
    private CatalogData catalogData;
    /** 'I' idle, 'T' in a transaction block, 'E' in a failed transaction block. */
    private char transaction = 'I';
    private boolean skipUntilSync;
    private final Map<String, Prepared> statements = new HashMap<>();
    private final Map<String, Portal> portals = new HashMap<>();
    private final Map<String, Portal> cursors = new HashMap<>();
    private final List<String> savepoints = new ArrayList<>();
    private volatile Statement running;
    private volatile boolean cancelRequested;
    /** Between a message that starts work and the ReadyForQuery that ends it; a cancel while idle is dropped. */
    private volatile boolean busy;

    PgSession(PgServer server, Channel channel, PgOutput out, PgFrameDecoder decoder, int processId, int secretKey,
            boolean loopback) {
        this.server = server;
        this.channel = channel;
        this.out = out;
        this.decoder = decoder;
        this.processId = processId;
        this.secretKey = secretKey;
        this.loopback = loopback;
    }

    boolean ready() {
        return phase == Phase.READY;
    }

    // ---- entry points (worker thread)

    void handle(PgFrame frame) {
        if (phase == Phase.CLOSED) {
            release(frame);
            return;
        }
        try {
            if (frame instanceof PgFrame.Violation v) {
                fatal(new SqlError(v.sqlState(), v.message(), Optional.empty()));
            } else if (frame instanceof PgFrame.Startup s) {
                startup(s);
            } else if (frame instanceof PgFrame.Message m) {
                if (phase == Phase.AUTHENTICATING) {
                    authenticate(m);
                } else if (phase == Phase.READY) {
                    if (view != null) {
                        view.with(() -> {
                            message(m);
                            return null;
                        });
                    }
                } else {
                    fatal(new SqlError(PgError.PROTOCOL_VIOLATION, "expected a startup packet", Optional.empty()));
                }
            }
        } catch (Exception e) {
            SqlError error = PgError.of(e);
            if (error.sqlState().startsWith("XX") || error.sqlState().startsWith("58")) {
                LOG.warn("PostgreSQL session {} failed", processId, e);
            }
            fatal(error);
        } finally {
            release(frame);
        }
    }

    private static void release(PgFrame frame) {
        if (frame instanceof PgFrame.Message m && m.refCnt() > 0) {
            m.release();
        }
    }

    /**
     * From a CancelRequest (any thread): cancels what the session is doing, whether planning or running; as in
     * PostgreSQL, a cancel that arrives while the session is idle is dropped.
     */
    void cancel() {
        if (!busy) {
            return;
        }
        cancelRequested = true;
        Statement s = running;
        if (s != null) {
            try {
                s.cancel();
            } catch (SQLException | RuntimeException e) {
                LOG.debug("cancel of session {} failed", processId, e);
            }
        }
    }

    /** The connection is gone: close what the session holds (worker thread). */
    void close() {
        if (phase == Phase.CLOSED) {
            return;
        }
        phase = Phase.CLOSED;
        busy = true;
        cancel();
        closeAll(portals);
        closeAll(cursors);
        statements.values().forEach(Prepared::close);
        statements.clear();
        closeQuietly(catalog);
        closeQuietly(engine);
        out.discard();
    }

    // ---- startup and authentication

    private void startup(PgFrame.Startup s) throws Exception {
        Map<String, String> p = s.parameters();
        user = p.get("user");
        if (user == null || user.isEmpty()) {
            throw new PgError("28000", "no PostgreSQL user name specified in startup packet");
        }
        project = p.getOrDefault("database", user);
        if (project.isEmpty()) {
            project = user;
        }
        List<String> projects = server.projects().projects();
        if (!projects.contains(project)) {
            throw new PgError("3D000", "database \"" + project + "\" does not exist"
                    + (projects.isEmpty() ? "; the server has no project yet" : "; databases (Haechi projects): "
                    + String.join(", ", projects)));
        }
        settings = new PgSettings(server.serverVersion(), user, project);
        List<String> unsupported = new ArrayList<>();
        for (Map.Entry<String, String> e : p.entrySet()) {
            String k = e.getKey();
            if (k.equals("user") || k.equals("database") || k.equals("replication")) {
                continue;
            }
            if (k.startsWith("_pq_.")) {
                unsupported.add(k);
            } else if (k.equals("options")) {
                options(e.getValue());
            } else {
                try {
                    settings.set(k, e.getValue());
                } catch (PgError ignored) {
                    // A read-only or unknown startup parameter is ignored, as clients send ones they never check.
                    LOG.debug("startup parameter {} ignored: {}", k, ignored.getMessage());
                }
            }
        }
        if (s.minorVersion() > 0 || !unsupported.isEmpty()) {
            out.negotiateProtocolVersion(0, unsupported);
        }
        Method method = server.authentication(loopback);
        if (method == Method.TRUST) {
            loggedIn();
            return;
        }
        Optional<PgUsers.User> known = server.users().flatMap(u -> u.user(user));
        authenticator = new PgAuthenticator(method, user, known);
        phase = Phase.AUTHENTICATING;
        authenticator.start(out);
    }

    /** {@code options=-c name=value -c ...} (libpq's PGOPTIONS). */
    private void options(String options) {
        String[] words = options.trim().split("\\s+");
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String setting = null;
            if (w.equals("-c") && i + 1 < words.length) {
                setting = words[++i];
            } else if (w.startsWith("-c")) {
                setting = w.substring(2);
            } else if (w.startsWith("--")) {
                setting = w.substring(2);
            }
            if (setting != null && setting.contains("=")) {
                settings.set(setting.substring(0, setting.indexOf('=')).replace('-', '_'),
                        setting.substring(setting.indexOf('=') + 1));
            }
        }
    }

    private void authenticate(PgFrame.Message m) throws Exception {
        if (m.type() != 'p') {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "expected a password response, got message type '"
                    + PgFrameDecoder.printable(m.type()) + "'");
        }
        byte[] body = bytes(m.body());
        if (!authenticator.accept(body, out)) {
            return;
        }
        Optional<PgUsers.User> known = server.users().flatMap(u -> u.user(user));
        if (known.isEmpty() || !known.get().roles().contains(PgUsers.ROLE)) {
            throw new PgError("28000", "user \"" + user + "\" is not allowed to connect: it needs the role "
                    + PgUsers.ROLE + " in the users file");
        }
        loggedIn();
    }

    private void loggedIn() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        engine = server.projects().open(project, p);
        phase = Phase.READY;
        decoder.authenticated();
        view = new SessionView(user, processId, settings.view(), this::catalogData, () -> cancelRequested);
        out.authenticationOk();
        settings.reported().forEach(out::parameterStatus);
        out.backendKeyData(processId, secretKey);
        readyForQuery();
        server.sessionReady(this);
    }

    // ---- messages

    private void message(PgFrame.Message m) throws Exception {
        char type = m.type();
        busy = true;
        if (type == 'X') {
            phase = Phase.CLOSED;
            out.flush();
            channel.close();
            return;
        }
        if (type == 'S') {
            skipUntilSync = false;
            sync();
            return;
        }
        if (type == 'H') {
            out.flush();
            return;
        }
        if (skipUntilSync && type != 'Q') {
            return;
        }
        ByteBuf b = m.body();
        try {
            switch (type) {
                case 'Q' -> simpleQuery(cString(b));
                case 'P' -> parse(b);
                case 'B' -> bind(b);
                case 'D' -> describe(b);
                case 'E' -> execute(b);
                case 'C' -> closeMessage(b);
                case 'F' -> throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "the function call protocol is not "
                        + "supported");
                case 'd', 'c', 'f' -> throw new PgError(PgError.PROTOCOL_VIOLATION, "COPY data outside a COPY");
                case 'p' -> throw new PgError(PgError.PROTOCOL_VIOLATION, "unexpected password message: the "
                        + "session is authenticated");
                default -> {
                    fatal(new SqlError(PgError.PROTOCOL_VIOLATION, "invalid frontend message type '"
                            + PgFrameDecoder.printable(type) + "'", Optional.empty()));
                    return;
                }
            }
        } catch (Exception e) {
            error(e);
            if (type != 'Q') {
                skipUntilSync = true;
            } else {
                readyForQuery();
            }
        }
    }

    private void error(Exception e) {
        SqlError error = cancelRequested && !(e instanceof PgError) ? new SqlError(PgError.QUERY_CANCELED,
                "canceling statement due to user request", Optional.empty()) : PgError.of(e);
        if (error.sqlState().startsWith("XX") || error.sqlState().startsWith("58")) {
            LOG.warn("PostgreSQL session {}: {} {}", processId, error.sqlState(), error.message(), e);
        } else {
            LOG.debug("PostgreSQL session {}: {} {}", processId, error.sqlState(), error.message(), e);
        }
        if (transaction == 'T') {
            transaction = 'E';
        }
        if (error.sqlState().equals(PgError.QUERY_CANCELED)) {
            server.stats().cancelled.increment();
        }
        out.error("ERROR", error, false);
    }

    private void fatal(SqlError error) {
        out.error("FATAL", error, false);
        out.flush();
        phase = Phase.CLOSED;
        channel.close();
    }

    /** The session is idle again: a cancel from now on is dropped. */
    private void readyForQuery() {
        cancelRequested = false;
        busy = false;
        out.readyForQuery(transaction);
    }

    // ---- simple query

    private void simpleQuery(String sql) throws Exception {
        List<String> parts = SqlLexer.statements(sql);
        if (parts.isEmpty()) {
            out.emptyQueryResponse();
            readyForQuery();
            return;
        }
        for (String statement : parts) {
            Prepared p = prepare(statement, new int[0]);
            try (Portal portal = new Portal(p, new Object[p.parameterCount], new short[0])) {
                if (p.parameterCount > 0) {
                    throw new PgError("42P02", "there is no parameter $1");
                }
                run(portal, 0, true);
            } finally {
                p.close();
            }
        }
        if (transaction == 'I') {
            closeAll(portals);
        }
        readyForQuery();
    }

    // ---- extended query

    private void parse(ByteBuf b) throws Exception {
        String name = cString(b);
        String sql = cString(b);
        int n = b.readUnsignedShort();
        int[] types = new int[n];
        for (int i = 0; i < n; i++) {
            types[i] = b.readInt();
        }
        if (!name.isEmpty() && statements.containsKey(name)) {
            throw new PgError(PgError.DUPLICATE_STATEMENT, "prepared statement \"" + name + "\" already exists");
        }
        List<String> parts = SqlLexer.statements(sql);
        if (parts.size() > 1) {
            throw new PgError("42601", "cannot insert multiple commands into a prepared statement");
        }
        Prepared p = prepare(parts.isEmpty() ? "" : parts.get(0), types);
        Prepared old = statements.put(name, p);
        if (old != null) {
            old.close();
        }
        if (!name.isEmpty()) {
            server.stats().namedStatements.increment();
        }
        out.parseComplete();
    }

    private void bind(ByteBuf b) throws Exception {
        String portalName = cString(b);
        String statementName = cString(b);
        Prepared p = statements.get(statementName);
        if (p == null) {
            throw new PgError(PgError.UNDEFINED_STATEMENT, "prepared statement \"" + statementName
                    + "\" does not exist");
        }
        int nFormats = b.readUnsignedShort();
        short[] formats = new short[nFormats];
        for (int i = 0; i < nFormats; i++) {
            formats[i] = b.readShort();
        }
        int nValues = b.readUnsignedShort();
        if (nValues != p.parameterCount) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message supplies " + nValues + " parameters, but "
                    + "prepared statement \"" + statementName + "\" requires " + p.parameterCount);
        }
        if (nFormats > 1 && nFormats != nValues) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "bind message has " + nFormats + " parameter formats but "
                    + nValues + " parameters");
        }
        Object[] values = new Object[nValues];
        for (int i = 0; i < nValues; i++) {
            int length = b.readInt();
            byte[] bytes = null;
            if (length >= 0) {
                if (length > b.readableBytes()) {
                    throw new PgError(PgError.PROTOCOL_VIOLATION, "insufficient data left in bind message for "
                            + "parameter $" + (i + 1));
                }
                bytes = new byte[length];
                b.readBytes(bytes);
            }
            int format = nFormats == 0 ? 0 : nFormats == 1 ? formats[0] : formats[i];
            values[i] = PgValues.parameter(bytes, format, p.parameterTypes[i], p.engineTypes[i], i + 1);
        }
        int nResult = b.readUnsignedShort();
        short[] resultFormats = new short[nResult];
        for (int i = 0; i < nResult; i++) {
            resultFormats[i] = b.readShort();
        }
        if (!portalName.isEmpty() && portals.containsKey(portalName)) {
            throw new PgError(PgError.DUPLICATE_CURSOR, "portal \"" + portalName + "\" already exists");
        }
        Portal portal = new Portal(p, values, resultFormats);
        Portal old = portals.put(portalName, portal);
        if (old != null) {
            old.close();
        }
        out.bindComplete();
    }

    private void describe(ByteBuf b) throws Exception {
        char what = (char) b.readByte();
        String name = cString(b);
        if (what == 'S') {
            Prepared p = statements.get(name);
            if (p == null) {
                throw new PgError(PgError.UNDEFINED_STATEMENT, "prepared statement \"" + name + "\" does not exist");
            }
            out.parameterDescription(p.parameterTypes);
            List<PgColumn> columns = p.columns();
            if (columns.isEmpty()) {
                out.noData();
            } else {
                out.rowDescription(columns, new short[columns.size()]);
            }
        } else if (what == 'P') {
            Portal portal = portals.get(name);
            if (portal == null) {
                throw new PgError(PgError.UNDEFINED_CURSOR, "portal \"" + name + "\" does not exist");
            }
            List<PgColumn> columns = portal.prepared.columns();
            if (columns.isEmpty()) {
                out.noData();
            } else {
                out.rowDescription(columns, PgRows.formats(portal.resultFormats, columns));
            }
        } else {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "invalid DESCRIBE message subtype " + (int) what);
        }
    }

    private void execute(ByteBuf b) throws Exception {
        String name = cString(b);
        long maxRows = b.readUnsignedInt();
        Portal portal = portals.get(name);
        if (portal == null) {
            throw new PgError(PgError.UNDEFINED_CURSOR, "portal \"" + name + "\" does not exist");
        }
        run(portal, maxRows > Integer.MAX_VALUE ? 0 : (int) maxRows, false);
    }

    private void closeMessage(ByteBuf b) {
        char what = (char) b.readByte();
        String name = cString(b);
        if (what == 'S') {
            Prepared p = statements.remove(name);
            if (p != null) {
                p.close();
            }
        } else if (what == 'P') {
            Portal portal = portals.remove(name);
            if (portal != null) {
                portal.close();
            }
        } else {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "invalid CLOSE message subtype " + (int) what);
        }
        out.closeComplete();
    }

    private void sync() {
        if (transaction == 'I') {
            closeAll(portals);
        }
        readyForQuery();
    }

    // ---- statements

    /** A parsed statement: its command, and for queries the translation and the prepared JDBC statement. */
    private final class Prepared {
        final PgCommand command;
        final String sql;
        final PgDialect.Target target;
        final int parameterCount;
        final int[] parameterTypes;
        final int[] engineTypes;
        final int[] order;
        PreparedStatement statement;
        boolean statementInUse;
        List<PgColumn> columns;
        /** PostgreSQL's names for the select items (for columns the engine left unnamed). */
        final List<String> names;

        Prepared(PgCommand command, String sql, PgDialect.Target target, PgDialect.Translation t, int[] declared)
                throws SQLException {
            this.command = command;
            this.sql = sql;
            this.target = target;
            this.order = t == null ? new int[0] : t.parameterOrder();
            this.names = sql == null ? List.of() : SelectNames.of(sql);
            this.parameterCount = Math.max(t == null ? 0 : t.parameterCount(), declared.length);
            this.parameterTypes = new int[parameterCount];
            this.engineTypes = new int[parameterCount];
            System.arraycopy(declared, 0, parameterTypes, 0, declared.length);
            java.util.Arrays.fill(engineTypes, Types.VARCHAR);
            if (sql != null) {
                statement = connection(target).prepareStatement(sql);
                ParameterMetaData md = statement.getParameterMetaData();
                for (int k = 0; k < order.length && k < md.getParameterCount(); k++) {
                    int n = order[k] - 1;
                    int jdbc = md.getParameterType(k + 1);
                    engineTypes[n] = jdbc;
                    if (parameterTypes[n] == 0) {
                        PgType inferred = PgType.ofJdbc(jdbc, md.getParameterTypeName(k + 1));
                        parameterTypes[n] = inferred == PgType.BPCHAR ? PgType.VARCHAR.oid : inferred.oid;
                    }
                }
                for (int n = 0; n < parameterCount; n++) {
                    if (parameterTypes[n] == 0) {
                        parameterTypes[n] = PgType.TEXT.oid;
                    }
                }
            }
        }

        List<PgColumn> columns() throws SQLException {
            if (columns == null) {
                if (statement != null) {
                    columns = PgColumn.of(statement.getMetaData(), names);
                } else if (command.kind() == Kind.SHOW) {
                    columns = showColumns(command.name());
                } else if (command.kind() == Kind.EXPLAIN) {
                    columns = List.of(new PgColumn("QUERY PLAN", PgType.TEXT, -1, Types.VARCHAR));
                } else {
                    columns = List.of();
                }
            }
            return columns;
        }

        /** A JDBC statement to run a portal with: the prepared one when free, else a new one. */
        PreparedStatement acquire() throws SQLException {
            if (!statementInUse) {
                statementInUse = true;
                return statement;
            }
            return connection(target).prepareStatement(sql);
        }

        void releaseStatement(PreparedStatement s) {
            if (s == statement) {
                statementInUse = false;
            } else {
                closeQuietly(s);
            }
        }

        void close() {
            closeQuietly(statement);
        }
    }

    private Prepared prepare(String statementSql, int[] declared) throws SQLException {
        PgCommand command = PgCommand.parse(statementSql);
        if (command.kind() == Kind.QUERY || command.kind() == Kind.EXPLAIN) {
            String query = command.query();
            PgDialect.Target target = route(query);
            PgDialect.Translation t = PgDialect.translate(query, target);
            String sql = t.sql();
            if (command.kind() == Kind.EXPLAIN) {
                sql = sql.regionMatches(true, 0, "explain", 0, 7) ? sql : "EXPLAIN PLAN FOR " + sql;
                server.limits().check(sql);
                // EXPLAIN runs when executed; it is not prepared.
                return new Prepared(command, null, target, t, declared);
            }
            server.limits().check(sql);
            refreshCatalog();
            return new Prepared(command, sql, target, t, declared);
        }
        return new Prepared(command, null, PgDialect.Target.ENGINE, null, declared);
    }

    /** The catalog answers statements that name its relations or call its functions; the engine all others. */
    private PgDialect.Target route(String sql) {
        List<SqlLexer.Token> tokens = SqlLexer.tokens(sql);
        for (int i = 0; i < tokens.size(); i++) {
            SqlLexer.Token t = tokens.get(i);
            if (!t.isName()) {
                continue;
            }
            String name = t.name();
            if (name.equals("pg_catalog") || name.equals("information_schema")
                    || (t.kind() == SqlLexer.Kind.WORD && Set.of("current_schema", "current_catalog", "current_user",
                    "session_user", "current_role").contains(name))) {
                return PgDialect.Target.CATALOG;
            }
            int next = i + 1;
            while (next < tokens.size() && tokens.get(next).kind() == SqlLexer.Kind.SPACE) {
                next++;
            }
            boolean call = next < tokens.size() && tokens.get(next).isPunct("(");
            if (call ? PgCatalog.isCatalogFunction(name) && !name.equals("array_to_string")
                    : PgCatalog.isCatalogRelation(name)) {
                return PgDialect.Target.CATALOG;
            }
        }
        return PgDialect.Target.ENGINE;
    }

    private Connection connection(PgDialect.Target target) throws SQLException {
        if (target == PgDialect.Target.ENGINE) {
            return engine;
        }
        if (catalog == null) {
            PgCatalog.haechiVersion(server.haechiVersion());
            catalog = PgCatalog.open();
        }
        return catalog;
    }

    /** A portal: a statement with its parameter values, and its rows once it runs. */
    private final class Portal implements AutoCloseable {
        final Prepared prepared;
        final Object[] values;
        final short[] resultFormats;
        PreparedStatement statement;
        PgRows rows;
        short[] formats;
        boolean done;
        boolean hold;
        /** A cursor's portal owns its statement (DECLARE made it); a Bind's belongs to the prepared statement. */
        boolean ownsPrepared;

        Portal(Prepared prepared, Object[] values, short[] resultFormats) {
            this.prepared = prepared;
            this.values = values;
            this.resultFormats = resultFormats;
        }

        @Override
        public void close() {
            if (rows != null) {
                rows.close();
                rows = null;
            }
            if (statement != null) {
                prepared.releaseStatement(statement);
                statement = null;
            }
            if (ownsPrepared) {
                prepared.close();
            }
        }
    }

    /**
     * Runs a portal: up to {@code maxRows} rows (0: all), then PortalSuspended when more remain or CommandComplete.
     * The simple protocol ({@code describe}) sends RowDescription first.
     */
    private void run(Portal portal, int maxRows, boolean describe) throws Exception {
        Prepared p = portal.prepared;
        if (transaction == 'E' && !Set.of(Kind.COMMIT, Kind.ROLLBACK, Kind.ROLLBACK_TO).contains(p.command.kind())) {
            throw new PgError(PgError.IN_FAILED_TRANSACTION, "current transaction is aborted, commands ignored until "
                    + "end of transaction block");
        }
        if (portal.done) {
            out.commandComplete(tag(p.command, 0));
            return;
        }
        if (p.statement == null && p.command.kind() != Kind.EXPLAIN) {
            command(p.command, describe);
            portal.done = true;
            return;
        }
        if (portal.rows == null) {
            checkCancel();
            if (p.command.kind() == Kind.EXPLAIN) {
                portal.rows = explain(p);
            } else {
                portal.statement = p.acquire();
                bindValues(portal.statement, p, portal.values);
                running = portal.statement;
                try {
                    ResultSet rs = portal.statement.executeQuery();
                    portal.rows = new PgRows.Jdbc(portal.statement, rs, false, p.names);
                } finally {
                    running = null;
                }
            }
            portal.formats = PgRows.formats(portal.resultFormats, portal.rows.columns());
            for (short f : portal.formats) {
                if (f == 1) {
                    server.stats().binaryResults.increment();
                    break;
                }
            }
        }
        if (describe) {
            out.rowDescription(portal.rows.columns(), portal.formats);
        }
        long sent = stream(portal.rows, portal.formats, maxRows, portal.statement);
        if (maxRows > 0 && sent == maxRows) {
            server.stats().suspendedPortals.increment();
            out.portalSuspended();
            return;
        }
        portal.done = true;
        portal.close();
        out.commandComplete("SELECT " + sent);
    }

    /** Sends rows until {@code max} (0: all) or the end; returns how many were sent. */
    private long stream(PgRows rows, short[] formats, long max, Statement statement) throws SQLException {
        long sent = 0;
        running = statement;
        try {
            while ((max == 0 || sent < max) && rows.next()) {
                out.dataRow(rows.row(formats));
                sent++;
                if (!channel.isActive()) {
                    break;
                }
            }
        } finally {
            running = null;
        }
        return sent;
    }

    private void checkCancel() {
        if (cancelRequested) {
            throw new PgError(PgError.QUERY_CANCELED, "canceling statement due to user request");
        }
    }

    private void bindValues(PreparedStatement s, Prepared p, Object[] values) throws SQLException {
        for (int k = 0; k < p.order.length; k++) {
            Object v = values[p.order[k] - 1];
            if (v == null) {
                s.setNull(k + 1, p.engineTypes[p.order[k] - 1]);
            } else {
                s.setObject(k + 1, v);
            }
        }
    }

    private PgRows explain(Prepared p) throws SQLException {
        String sql = p.command.query();
        PgDialect.Translation t = PgDialect.translate(sql, p.target);
        String text = t.sql().regionMatches(true, 0, "explain", 0, 7) ? t.sql() : "EXPLAIN PLAN FOR " + t.sql();
        List<String[]> lines = new ArrayList<>();
        checkCancel();
        try (Statement s = connection(p.target).createStatement()) {
            running = s;
            try (ResultSet rs = s.executeQuery(text)) {
                while (rs.next()) {
                    for (String line : String.valueOf(rs.getString(1)).split("\n")) {
                        if (!line.isBlank()) {
                            lines.add(new String[] {line});
                        }
                    }
                }
            } finally {
                running = null;
            }
        }
        return new PgRows.Listed(p.columns(), lines);
    }

    // ---- session statements

    private void command(PgCommand c, boolean describe) throws Exception {
        switch (c.kind()) {
            case EMPTY -> out.emptyQueryResponse();
            case SET -> {
                String reported = c.flags().contains("default") ? settings.reset(c.name())
                        : settings.set(c.name(), c.value());
                if (reported != null) {
                    out.parameterStatus(reported, settings.get(reported));
                }
                out.commandComplete("SET");
            }
            case IGNORED_SET -> out.commandComplete("SET");
            case RESET -> {
                if (c.name().equals("all")) {
                    settings.resetAll();
                    settings.reported().forEach(out::parameterStatus);
                } else {
                    String reported = settings.reset(c.name());
                    if (reported != null) {
                        out.parameterStatus(reported, settings.get(reported));
                    }
                }
                out.commandComplete("RESET");
            }
            case SHOW -> show(c.name(), describe);
            case BEGIN -> {
                if (c.query().toLowerCase(Locale.ROOT).contains("read write")) {
                    throw new PgError(PgError.READ_ONLY, "Haechi serves cubes read-only: a READ WRITE transaction "
                            + "cannot start");
                }
                if (transaction != 'I') {
                    out.error("WARNING", new SqlError("25001", "there is already a transaction in progress",
                            Optional.empty()), true);
                }
                transaction = transaction == 'E' ? 'E' : 'T';
                out.commandComplete("BEGIN");
            }
            case COMMIT -> {
                boolean failed = transaction == 'E';
                if (transaction == 'I') {
                    out.error("WARNING", new SqlError("25P01", "there is no transaction in progress",
                            Optional.empty()), true);
                }
                endTransaction();
                out.commandComplete(failed ? "ROLLBACK" : "COMMIT");
            }
            case ROLLBACK -> {
                if (transaction == 'I') {
                    out.error("WARNING", new SqlError("25P01", "there is no transaction in progress",
                            Optional.empty()), true);
                }
                endTransaction();
                out.commandComplete("ROLLBACK");
            }
            case SAVEPOINT -> {
                requireBlock("SAVEPOINT");
                savepoints.add(c.name());
                out.commandComplete("SAVEPOINT");
            }
            case RELEASE -> {
                requireBlock("RELEASE SAVEPOINT");
                dropSavepoint(c.name(), true);
                out.commandComplete("RELEASE");
            }
            case ROLLBACK_TO -> {
                requireBlock("ROLLBACK TO SAVEPOINT");
                dropSavepoint(c.name(), false);
                transaction = 'T';
                out.commandComplete("ROLLBACK");
            }
            case DEALLOCATE -> {
                if (c.flags().contains("all")) {
                    statements.values().forEach(Prepared::close);
                    statements.clear();
                    out.commandComplete("DEALLOCATE ALL");
                } else {
                    Prepared p = statements.remove(c.name());
                    if (p == null) {
                        throw new PgError(PgError.UNDEFINED_STATEMENT, "prepared statement \"" + c.name()
                                + "\" does not exist");
                    }
                    p.close();
                    out.commandComplete("DEALLOCATE");
                }
            }
            case DECLARE -> declare(c);
            case FETCH, MOVE -> fetch(c);
            case CLOSE -> {
                if (c.flags().contains("all")) {
                    closeAll(cursors);
                } else {
                    Portal cursor = cursors.remove(c.name());
                    if (cursor == null) {
                        throw new PgError(PgError.UNDEFINED_CURSOR, "cursor \"" + c.name() + "\" does not exist");
                    }
                    cursor.close();
                }
                out.commandComplete("CLOSE CURSOR");
            }
            case DISCARD -> {
                if (!c.name().equals("all")) {
                    throw new PgError(PgError.FEATURE_NOT_SUPPORTED, "DISCARD " + c.name().toUpperCase(Locale.ROOT)
                            + " is not supported; DISCARD ALL is");
                }
                if (transaction != 'I') {
                    throw new PgError("25001", "DISCARD ALL cannot run inside a transaction block");
                }
                closeAll(cursors);
                statements.values().forEach(Prepared::close);
                statements.clear();
                settings.resetAll();
                out.commandComplete("DISCARD ALL");
            }
            case UNLISTEN -> out.commandComplete("UNLISTEN");
            case READ_ONLY -> throw new PgError(PgError.READ_ONLY, "cannot execute " + c.name() + " in a read-only "
                    + "transaction: Haechi serves cubes read-only (load data with builds)");
            case UNSUPPORTED -> throw new PgError("42601", "syntax error at or near \"" + c.name() + "\": not a "
                    + "statement Haechi runs");
            default -> throw new IllegalStateException("not a session statement: " + c.kind());
        }
    }

    private void requireBlock(String statement) {
        if (transaction == 'I') {
            throw new PgError(PgError.NO_ACTIVE_TRANSACTION, statement + " can only be used in transaction blocks");
        }
    }

    private void dropSavepoint(String name, boolean includingIt) {
        int at = savepoints.lastIndexOf(name);
        if (at < 0) {
            throw new PgError("3B001", "savepoint \"" + name + "\" does not exist");
        }
        savepoints.subList(includingIt ? at : at + 1, savepoints.size()).clear();
    }

    private void endTransaction() {
        transaction = 'I';
        savepoints.clear();
        for (Iterator<Map.Entry<String, Portal>> it = cursors.entrySet().iterator(); it.hasNext();) {
            Portal cursor = it.next().getValue();
            if (!cursor.hold) {
                cursor.close();
                it.remove();
            }
        }
        closeAll(portals);
    }

    private void show(String name, boolean describe) {
        List<String[]> rows = new ArrayList<>();
        if (name.equals("all")) {
            settings.view().forEach((k, v) -> rows.add(new String[] {k, v, ""}));
        } else {
            String v = settings.get(name);
            if (v == null) {
                throw new PgError(PgError.UNDEFINED_OBJECT, "unrecognized configuration parameter \"" + name + "\"");
            }
            rows.add(new String[] {v});
        }
        List<PgColumn> columns = showColumns(name);
        if (describe) {
            out.rowDescription(columns, new short[columns.size()]);
        }
        for (String[] r : rows) {
            byte[][] values = new byte[r.length][];
            for (int i = 0; i < r.length; i++) {
                values[i] = r[i].getBytes(StandardCharsets.UTF_8);
            }
            out.dataRow(values);
        }
        out.commandComplete("SHOW");
    }

    private static List<PgColumn> showColumns(String name) {
        if (name.equals("all")) {
            return List.of(new PgColumn("name", PgType.TEXT, -1, Types.VARCHAR),
                    new PgColumn("setting", PgType.TEXT, -1, Types.VARCHAR),
                    new PgColumn("description", PgType.TEXT, -1, Types.VARCHAR));
        }
        return List.of(new PgColumn(name, PgType.TEXT, -1, Types.VARCHAR));
    }

    private void declare(PgCommand c) throws Exception {
        if (!c.flags().contains("hold")) {
            requireBlock("DECLARE CURSOR");
        }
        if (cursors.containsKey(c.name())) {
            throw new PgError(PgError.DUPLICATE_CURSOR, "cursor \"" + c.name() + "\" already exists");
        }
        Prepared p = prepare(c.query(), new int[0]);
        if (p.statement == null) {
            throw new PgError("42601", "DECLARE CURSOR needs a query");
        }
        if (p.parameterCount > 0) {
            throw new PgError("42P02", "there is no parameter $1");
        }
        Portal cursor = new Portal(p, new Object[0], c.flags().contains("binary") ? new short[] {1} : new short[0]);
        cursor.hold = c.flags().contains("hold");
        cursor.ownsPrepared = true;
        cursors.put(c.name(), cursor);
        out.commandComplete("DECLARE CURSOR");
    }

    private void fetch(PgCommand c) throws Exception {
        Portal cursor = cursors.get(c.name());
        if (cursor == null) {
            throw new PgError(PgError.UNDEFINED_CURSOR, "cursor \"" + c.name() + "\" does not exist");
        }
        long count = Long.parseLong(c.value());
        Prepared p = cursor.prepared;
        if (cursor.rows == null && !cursor.done) {
            checkCancel();
            cursor.statement = p.acquire();
            running = cursor.statement;
            try {
                cursor.rows = new PgRows.Jdbc(cursor.statement, cursor.statement.executeQuery(), false, p.names);
            } finally {
                running = null;
            }
            cursor.formats = PgRows.formats(cursor.resultFormats, cursor.rows.columns());
        }
        boolean fetch = c.kind() == Kind.FETCH;
        if (fetch) {
            List<PgColumn> columns = p.columns();
            out.rowDescription(columns, cursor.formats == null ? new short[columns.size()] : cursor.formats);
        }
        long n = 0;
        if (cursor.rows != null) {
            running = cursor.statement;
            try {
                while ((count < 0 || n < count) && cursor.rows.next()) {
                    if (fetch) {
                        out.dataRow(cursor.rows.row(cursor.formats));
                    }
                    n++;
                }
            } finally {
                running = null;
            }
            if (count < 0 || n < count) {
                cursor.done = true;
            }
        }
        out.commandComplete((fetch ? "FETCH " : "MOVE ") + n);
    }

    private static String tag(PgCommand c, long rows) {
        return c.kind() == Kind.QUERY ? "SELECT " + rows : c.kind().name();
    }

    // ---- catalog

    /** The model tables for the catalog: the engine connection's tables and columns, re-read per statement. */
    private CatalogData catalogData() {
        if (catalogData == null) {
            try {
                catalogData = readCatalog();
            } catch (SQLException e) {
                throw new PgError("XX000", "cannot read the project's tables: " + e.getMessage());
            }
        }
        return catalogData;
    }

    private void refreshCatalog() {
        catalogData = null;
    }

    private CatalogData readCatalog() throws SQLException {
        DatabaseMetaData md = engine.getMetaData();
        Map<String, List<CatalogData.Attribute>> tables = new java.util.TreeMap<>();
        try (ResultSet rs = md.getTables(null, project, "%", null)) {
            while (rs.next()) {
                if (project.equals(rs.getString("TABLE_SCHEM"))) {
                    tables.put(rs.getString("TABLE_NAME"), new ArrayList<>());
                }
            }
        }
        try (ResultSet rs = md.getColumns(null, project, "%", "%")) {
            while (rs.next()) {
                List<CatalogData.Attribute> columns = tables.get(rs.getString("TABLE_NAME"));
                if (columns == null || !project.equals(rs.getString("TABLE_SCHEM"))) {
                    continue;
                }
                int jdbc = rs.getInt("DATA_TYPE");
                PgType type = PgType.ofJdbc(jdbc, rs.getString("TYPE_NAME"));
                int precision = rs.getInt("COLUMN_SIZE");
                int scale = rs.getInt("DECIMAL_DIGITS");
                boolean notNull = rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls;
                columns.add(new CatalogData.Attribute(rs.getString("COLUMN_NAME"), type.oid, type.length,
                        PgType.typmod(type, precision, scale), notNull));
            }
        }
        List<CatalogData.Relation> relations = new ArrayList<>();
        int oid = CatalogData.FIRST_RELATION_OID;
        for (Map.Entry<String, List<CatalogData.Attribute>> e : tables.entrySet()) {
            relations.add(new CatalogData.Relation(oid++, e.getKey(), e.getValue()));
        }
        return new CatalogData(project, server.projects().projects(), project, relations);
    }

    // ---- helpers

    private static void closeAll(Map<String, Portal> portals) {
        portals.values().forEach(Portal::close);
        portals.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c != null) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("close failed", e);
            }
        }
    }

    private static String cString(ByteBuf b) {
        String s = PgFrameDecoder.cString(b);
        if (s == null) {
            throw new PgError(PgError.PROTOCOL_VIOLATION, "invalid string in message: no terminating zero byte");
        }
        return s;
    }

    private static byte[] bytes(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.readBytes(out);
        return out;
    }

    /** For the server's version ParameterStatus. */
    static String serverVersion(String haechiVersion) {
        return PgFunctions.SERVER_VERSION + " (Haechi " + haechiVersion + ")";
    }
}
