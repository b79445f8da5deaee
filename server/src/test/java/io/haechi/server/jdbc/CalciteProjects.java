package io.haechi.server.jdbc;

import io.haechi.server.sql.ProjectConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;

/**
 * A stand-in for the query engine: plain Calcite connections with the {@link TinyStar} schema as project
 * {@value #PROJECT}. It records the properties it is given so tests can see what passed the whitelist.
 */
public final class CalciteProjects implements ProjectConnections {
    public static final String PROJECT = "SSB";

    public final List<Properties> seen = new CopyOnWriteArrayList<>();

    @Override
    public Connection open(String project, Properties properties) throws SQLException {
        if (!PROJECT.equals(project)) {
            throw new SQLException("no such project " + project);
        }
        seen.add((Properties) properties.clone());
        Connection c = new Driver().connect("jdbc:calcite:", new Properties());
        CalciteConnection calcite = c.unwrap(CalciteConnection.class);
        calcite.getRootSchema().add(PROJECT, new TinyStar());
        calcite.setSchema(PROJECT);
        return c;
    }

    @Override
    public List<String> projects() {
        return List.of(PROJECT);
    }
}
