package io.haechi.server.jdbc;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.remote.AvaticaRemoteConnectionProperty;

/**
 * The whitelist of connection properties a JDBC client may send. Calcite would honour {@code model},
 * {@code schemaFactory}, {@code fun}, {@code lex}, {@code schema.*} and more from a client (loading classes,
 * attaching data sources, changing parsing), so only {@link #ALLOWED} reaches the engine; the keys of Avatica's own
 * client ({@code url}, {@code serialization}, {@code authentication}, {@code avatica_user}, ...) are tolerated and
 * dropped; anything else refuses the connection with {@link ErrorCode#PROPERTY_NOT_ALLOWED}.
 */
final class ClientProperties {
    /** The keys passed on: the project to connect to, and the user (the password only matters to HTTP auth). */
    static final Set<String> ALLOWED = Set.of("project", "user", "password");

    /** Avatica client-side keys: a client may send them, the engine never sees them. */
    static final Set<String> DROPPED = avaticaClientKeys();

    private ClientProperties() {
    }

    /** A client's connection request after the whitelist: the project and the properties for the engine. */
    record Accepted(String project, Properties properties) {
    }

    /**
     * Checks a client's properties against the whitelist and the served projects; the accepted properties (for
     * {@link io.haechi.server.sql.ProjectConnections#open}) are {@code user} and {@code password} when given.
     */
    static Accepted check(Map<String, String> info, List<String> projects) {
        Map<String, String> sorted = new TreeMap<>(info == null ? Map.of() : info);
        Properties kept = new Properties();
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            String key = e.getKey();
            if (ALLOWED.contains(key)) {
                if (!key.equals("project")) {
                    kept.setProperty(key, e.getValue() == null ? "" : e.getValue());
                }
            } else if (!DROPPED.contains(key)) {
                throw new HaechiException(ErrorCode.PROPERTY_NOT_ALLOWED, "connection property '" + key
                        + "' is not allowed; a client may set only project, user and password");
            }
        }
        String project = sorted.get("project");
        if (project == null || project.isBlank()) {
            throw new HaechiException(ErrorCode.UNKNOWN_PROJECT, "the connection names no project; use "
                    + "jdbc:haechi://HOST:PORT/PROJECT" + listed(projects));
        }
        if (!projects.contains(project)) {
            throw new HaechiException(ErrorCode.UNKNOWN_PROJECT, "unknown project '" + project + "'" + listed(projects));
        }
        return new Accepted(project, kept);
    }

    private static String listed(List<String> projects) {
        return projects.isEmpty() ? "; the server has no project yet" : "; projects: " + String.join(", ", projects);
    }

    private static Set<String> avaticaClientKeys() {
        Set<String> keys = new HashSet<>();
        for (BuiltInConnectionProperty p : BuiltInConnectionProperty.values()) {
            keys.add(p.camelName());
        }
        for (AvaticaRemoteConnectionProperty p : AvaticaRemoteConnectionProperty.values()) {
            keys.add(p.camelName());
        }
        return Set.copyOf(keys);
    }
}
