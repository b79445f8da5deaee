package io.haechi.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A parsed {@code jdbc:haechi://host[:port]/project[;key=value]...} URL.
 *
 * @param host the server host (a name, an IPv4 address or a bracketed IPv6 address)
 * @param port the Avatica HTTP port (default {@value #DEFAULT_PORT})
 * @param project the project whose schema the connection uses
 * @param properties the {@code ;key=value} pairs, each one of {@link #ALLOWED_KEYS}
 */
public record HaechiUrl(String host, int port, String project, Map<String, String> properties) {
    public static final String PREFIX = "jdbc:haechi:";
    public static final String FORM = "jdbc:haechi://HOST:PORT/PROJECT[;user=USER;password=PASSWORD]";
    public static final int DEFAULT_PORT = 8765;

    /**
     * Keys a client may give in the URL or the connection properties. {@code user}/{@code password} become HTTP BASIC
     * credentials; the others are Avatica client options that load no classes and reach no other server.
     */
    public static final Set<String> ALLOWED_KEYS = Set.of("user", "password", "fetch_size",
            "http_connection_timeout", "http_response_timeout", "transparent_reconnection");

    public HaechiUrl {
        requireNonNull(host, "host is null");
        requireNonNull(project, "project is null");
        if (host.isEmpty()) {
            throw new IllegalArgumentException("host is empty");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535, got " + port);
        }
        if (project.isEmpty()) {
            throw new IllegalArgumentException("project is empty");
        }
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
    }

    /** The Avatica endpoint, e.g. {@code http://127.0.0.1:8765}. */
    public String httpUrl() {
        return "http://" + host + ":" + port;
    }

    /** Parses a URL that starts with {@link #PREFIX}; anything malformed fails with the expected form. */
    public static HaechiUrl parse(String url) throws SQLException {
        requireNonNull(url, "url is null");
        if (!url.startsWith(PREFIX + "//")) {
            throw invalid(url, "it must start with jdbc:haechi://");
        }
        String rest = url.substring(PREFIX.length() + 2);
        String[] parts = rest.split(";", -1);
        String authority = parts[0];
        int slash = authority.indexOf('/');
        if (slash < 0 || slash == authority.length() - 1) {
            throw invalid(url, "it names no project");
        }
        String project = authority.substring(slash + 1);
        if (project.contains("/") || project.contains("?") || project.isBlank()) {
            throw invalid(url, "the project '" + project + "' is not a single name");
        }
        String hostPort = authority.substring(0, slash);
        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw invalid(url, "the IPv6 address lacks its closing ']'");
            }
            host = hostPort.substring(0, close + 1);
            if (close + 1 < hostPort.length()) {
                if (hostPort.charAt(close + 1) != ':') {
                    throw invalid(url, "expected ':PORT' after the IPv6 address");
                }
                portText = hostPort.substring(close + 2);
            }
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            portText = colon < 0 ? null : hostPort.substring(colon + 1);
        }
        if (host.isEmpty()) {
            throw invalid(url, "it names no host");
        }
        int port = DEFAULT_PORT;
        if (portText != null) {
            try {
                port = Integer.parseInt(portText);
            } catch (NumberFormatException e) {
                port = -1;
            }
            if (port < 1 || port > 65535) {
                throw invalid(url, "the port '" + portText + "' is not a number in 1..65535");
            }
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isEmpty()) {
                continue;
            }
            int eq = parts[i].indexOf('=');
            if (eq <= 0) {
                throw invalid(url, "'" + parts[i] + "' is not key=value");
            }
            properties.put(checkKey(parts[i].substring(0, eq)), parts[i].substring(eq + 1));
        }
        return new HaechiUrl(host, port, project, properties);
    }

    /** Returns the key if a client may set it, else fails naming it and the allowed keys. */
    static String checkKey(String key) throws SQLException {
        if (!ALLOWED_KEYS.contains(key)) {
            throw new SQLException("connection property '" + key + "' is not supported by the Haechi driver; allowed: "
                    + String.join(", ", new TreeSet<>(ALLOWED_KEYS)), "08004");
        }
        return key;
    }

    private static SQLException invalid(String url, String why) {
        String shown = url.replaceAll("(?i)(password=)[^;]*", "$1***");
        return new SQLException("invalid Haechi JDBC URL '" + shown + "': " + why + "; expected " + FORM,
                "08001");
    }

    /** The URL without its properties (never shows a password). */
    @Override
    public String toString() {
        return PREFIX + "//" + host + ":" + port + "/" + project;
    }
}
