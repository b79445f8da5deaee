package io.haechi.server.runtime;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Haechi's configuration: flat keys from a properties file ({@code --config FILE}, else {@code ./haechi.properties}
 * if present), overridden by JVM system properties of the same names ({@code -Dhaechi.data.dir=...}). Only keys
 * starting with {@code haechi.}, {@code hbase.}, {@code zookeeper.}, {@code hadoop.}, {@code fs.} or {@code dfs.} are
 * read; the README lists them.
 */
public record HaechiSettings(Map<String, String> values) {
    public static final String DATA_DIR = "haechi.data.dir";
    public static final String REJECT_THRESHOLD = "haechi.build.rejected.max";
    public static final String BUILD_MEMORY = "haechi.build.memory.fraction";
    /** {@code error} (default): a query no cube answers fails; {@code pushdown}: it reads the raw sources. */
    public static final String ON_NO_REALIZATION = "haechi.query.onNoRealization";
    /** Statements whose plans the query engine keeps (default 1000; 0 turns the plan cache off). */
    public static final String PLAN_CACHE_ENTRIES = "haechi.query.planCache.entries";
    /** Cube-scan results kept until a segment changes (default 1000; 0 turns the result cache off). */
    public static final String RESULT_CACHE_ENTRIES = "haechi.query.resultCache.entries";
    public static final String JDBC_HOST = "haechi.jdbc.host";
    public static final String JDBC_PORT = "haechi.jdbc.port";
    public static final String JDBC_AUTH_USERS = "haechi.jdbc.auth.users";
    public static final String JDBC_MAX_REQUEST_BYTES = "haechi.jdbc.max.request.bytes";
    public static final String WEB_HOST = "haechi.web.host";
    public static final String WEB_PORT = "haechi.web.port";
    public static final String WEB_AUTH_USERS = "haechi.web.auth.users";
    public static final String WEB_MAX_REQUEST_BYTES = "haechi.web.max.request.bytes";
    /** Builds the server runs at once (REST-started and resumed); more wait in its queue. */
    public static final String BUILD_CONCURRENCY = "haechi.build.concurrency";
    public static final String SQL_MAX_LENGTH = "haechi.sql.max.length";
    /** The users file both SQL endpoints check (a Jetty users file); {@link #JDBC_AUTH_USERS} is its older name. */
    public static final String AUTH_USERS = "haechi.auth.users";
    public static final String PG_HOST = "haechi.pg.host";
    public static final String PG_PORT = "haechi.pg.port";
    public static final String PG_AUTH_METHOD = "haechi.pg.auth.method";
    public static final String PG_TRUST_LOOPBACK = "haechi.pg.auth.trust.loopback";
    public static final String PG_AUTH_TIMEOUT = "haechi.pg.auth.timeout.seconds";
    public static final String PG_MAX_CONNECTIONS = "haechi.pg.max.connections";
    public static final String PG_MAX_MESSAGE_BYTES = "haechi.pg.max.message.bytes";
    public static final String PG_SSL_CERT = "haechi.pg.ssl.cert";
    public static final String PG_SSL_KEY = "haechi.pg.ssl.key";
    public static final String PG_SSL_REQUIRE = "haechi.pg.ssl.require";
    public static final String SQL_MAX_IN_LIST = "haechi.sql.max.in.list";

    private static final String[] PREFIXES = {"haechi.", "hbase.", "zookeeper.", "hadoop.", "fs.", "dfs."};

    public HaechiSettings {
        values = Map.copyOf(requireNonNull(values, "values is null"));
    }

    /** Reads the settings: the file (explicit, else ./haechi.properties when it exists), then system properties. */
    public static HaechiSettings load(Optional<Path> file) {
        Map<String, String> values = new TreeMap<>();
        Path path = file.orElse(Path.of("haechi.properties"));
        if (file.isPresent() || Files.isRegularFile(path)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "cannot read the configuration file " + path
                        + ": " + e.getMessage(), e);
            }
            p.stringPropertyNames().stream().filter(HaechiSettings::relevant)
                    .forEach(k -> values.put(k, p.getProperty(k).trim()));
        }
        System.getProperties().stringPropertyNames().stream().filter(HaechiSettings::relevant)
                .filter(k -> !k.equals("haechi.home"))
                .forEach(k -> values.put(k, System.getProperty(k).trim()));
        return new HaechiSettings(values);
    }

    private static boolean relevant(String key) {
        for (String prefix : PREFIXES) {
            if (key.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Where Haechi keeps its state (embedded HBase, job work directories); default {@code ./data}. */
    public Path dataDir() {
        return Path.of(get(DATA_DIR).orElse("data"));
    }

    /** The address the JDBC (Avatica) endpoint binds; default {@code 127.0.0.1}, so only this machine reaches it. */
    public String jdbcHost() {
        String host = get(JDBC_HOST).orElse("127.0.0.1");
        if (host.isBlank()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + JDBC_HOST + " is empty");
        }
        return host;
    }

    /** The address the web endpoint (REST API and UI) binds; default {@code 127.0.0.1}: this machine only. */
    public String webHost() {
        String host = get(WEB_HOST).orElse("127.0.0.1");
        if (host.isBlank()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + WEB_HOST + " is empty");
        }
        return host;
    }

    /** The web endpoint's port; default 8080, {@code 0} picks a free port. */
    public int webPort() {
        return (int) rangedValue(WEB_PORT, 8080, 0, 65535);
    }

    /**
     * The users file that protects the REST API and the UI (HTTP BASIC, role {@code haechi}); default: the JDBC
     * endpoint's ({@code haechi.jdbc.auth.users}), so protecting one protects both. {@code none} turns it off.
     */
    public Optional<Path> webAuthUsers() {
        Optional<String> own = get(WEB_AUTH_USERS).filter(v -> !v.isBlank());
        if (own.isPresent()) {
            return own.get().equals("none") ? Optional.empty() : own.map(Path::of);
        }
        return jdbcAuthUsers();
    }

    /** The largest request body the REST API reads; default 8 MiB. */
    public long webMaxRequestBytes() {
        return rangedValue(WEB_MAX_REQUEST_BYTES, 8L << 20, 1024, Integer.MAX_VALUE);
    }

    /** Builds the server runs at once; default 1 (a build uses every core and a large memory budget). */
    public int buildConcurrency() {
        return (int) rangedValue(BUILD_CONCURRENCY, 1, 1, 64);
    }

    /**
     * How clients name a server bound to {@code bindHost} in a URL: {@code localhost} for the wildcard addresses, an
     * IPv6 literal in brackets.
     */
    public static String clientHost(String bindHost) {
        if (bindHost.equals("0.0.0.0") || bindHost.equals("::") || bindHost.equals("[::]")) {
            return "localhost";
        }
        return bindHost.contains(":") && !bindHost.startsWith("[") ? "[" + bindHost + "]" : bindHost;
    }

    /** The JDBC endpoint's port; default 8765, {@code 0} picks a free port. */
    public int jdbcPort() {
        return (int) rangedValue(JDBC_PORT, 8765, 0, 65535);
    }

    /** A Jetty HashLoginService users file ({@code user: password,role}); when set, JDBC clients need BASIC auth. */
    public Optional<Path> jdbcAuthUsers() {
        return authUsers();
    }

    /**
     * The users file of both SQL endpoints: {@code haechi.auth.users}, or its older name {@code haechi.jdbc.auth.users};
     * both set to different files is refused rather than guessed.
     */
    public Optional<Path> authUsers() {
        Optional<String> shared = get(AUTH_USERS).filter(v -> !v.isBlank());
        Optional<String> jdbc = get(JDBC_AUTH_USERS).filter(v -> !v.isBlank());
        if (shared.isPresent() && jdbc.isPresent() && !shared.equals(jdbc)) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "settings " + AUTH_USERS + " and "
                    + JDBC_AUTH_USERS + " name different users files (" + shared.get() + ", " + jdbc.get()
                    + "); keep " + AUTH_USERS + " only");
        }
        return shared.or(() -> jdbc).map(Path::of);
    }

    /** The address the PostgreSQL-wire endpoint binds; default {@code 127.0.0.1}. */
    public String pgHost() {
        String host = get(PG_HOST).orElse("127.0.0.1");
        if (host.isBlank()) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + PG_HOST + " is empty");
        }
        return host;
    }

    /** The PostgreSQL-wire endpoint's port; default 15432 (not 5432, so a local PostgreSQL keeps its port). */
    public int pgPort() {
        return (int) rangedValue(PG_PORT, 15432, 0, 65535);
    }

    /** How users of the users file log in over the PostgreSQL wire: scram-sha-256 (default), md5 or password. */
    public io.haechi.server.pg.PgAuthMethods.Method pgAuthMethod() {
        String v = get(PG_AUTH_METHOD).orElse("scram-sha-256").strip().toLowerCase(java.util.Locale.ROOT);
        return io.haechi.server.pg.PgAuthMethods.parse(v).orElseThrow(() -> new HaechiException(
                ErrorCode.INVALID_ARGUMENT, "setting " + PG_AUTH_METHOD + " must be scram-sha-256, md5 or password, got '"
                        + v + "'"));
    }

    /** Whether clients on this machine skip the password when a users file is set; default false. */
    public boolean pgTrustLoopback() {
        return booleanValue(PG_TRUST_LOOPBACK, false);
    }

    public boolean pgSslRequired() {
        return booleanValue(PG_SSL_REQUIRE, false);
    }

    /** Seconds a PostgreSQL client has to finish logging in; default 60. */
    public int pgAuthTimeoutSeconds() {
        return (int) rangedValue(PG_AUTH_TIMEOUT, 60, 1, 3600);
    }

    /** Concurrent PostgreSQL-wire connections; default 100, more are refused with 53300. */
    public int pgMaxConnections() {
        return (int) rangedValue(PG_MAX_CONNECTIONS, 100, 1, 10_000);
    }

    /** The largest PostgreSQL protocol message read; default 16 MiB, a longer one closes the connection. */
    public int pgMaxMessageBytes() {
        return (int) rangedValue(PG_MAX_MESSAGE_BYTES, 16L << 20, 1024, Integer.MAX_VALUE - 8);
    }

    private boolean booleanValue(String key, boolean fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "on", "yes", "1":
                return true;
            case "false", "off", "no", "0":
                return false;
            default:
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + key + " must be true or false, got '"
                        + v + "'");
        }
    }

    /** The largest HTTP request body the JDBC endpoint reads; default 64 MiB. */
    public long jdbcMaxRequestBytes() {
        return rangedValue(JDBC_MAX_REQUEST_BYTES, 64L << 20, 1024, Integer.MAX_VALUE);
    }

    /** The longest SQL statement accepted, in characters, checked before parsing; default 1,000,000. */
    public int sqlMaxLength() {
        return (int) rangedValue(SQL_MAX_LENGTH, 1_000_000, 1, Integer.MAX_VALUE);
    }

    /** The most items one IN list may hold, checked before parsing; default 1,000. */
    public int sqlMaxInListItems() {
        return (int) rangedValue(SQL_MAX_IN_LIST, 1_000, 1, Integer.MAX_VALUE);
    }

    /** Statements whose plans the query engine keeps; default 1000, 0 turns the plan cache off. */
    public int planCacheEntries() {
        return (int) rangedValue(PLAN_CACHE_ENTRIES, 1000, 0, 1_000_000);
    }

    /** Cube-scan results the query engine keeps; default 1000, 0 turns the result cache off. */
    public int resultCacheEntries() {
        return (int) rangedValue(RESULT_CACHE_ENTRIES, 1000, 0, 1_000_000);
    }

    private long rangedValue(String key, long fallback, long min, long max) {
        long v = longValue(key, fallback);
        if (v < min || v > max) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + key + " must be in " + min + ".." + max
                    + ", got " + v);
        }
        return v;
    }

    /** The keys the store reads: everything but Haechi's own non-store keys. */
    public Map<String, String> storeProperties() {
        Map<String, String> out = new TreeMap<>();
        values.forEach((k, v) -> {
            if (!k.startsWith("haechi.") || k.startsWith("haechi.hbase.")) {
                out.put(k, v);
            }
        });
        out.putIfAbsent("haechi.hbase.embedded.dir", dataDir().resolve("hbase").toString());
        return out;
    }

    public long longValue(String key, long fallback) {
        String v = values.get(key);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "setting " + key + " must be a whole number, got '"
                    + v + "'");
        }
    }
}
