package io.haechi.server.sql;

/** Server-side SQL connections per project; the query engine implements it. */
public interface ProjectConnections {
    /** A new connection whose default schema is the project's; properties already whitelisted. */
    java.sql.Connection open(String project, java.util.Properties properties) throws java.sql.SQLException;

    /** The projects a client may connect to. */
    java.util.List<String> projects();
}
