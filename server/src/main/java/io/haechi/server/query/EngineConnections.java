package io.haechi.server.query;

import static java.util.Objects.requireNonNull;

import io.haechi.query.HaechiEngine;
import io.haechi.server.sql.ProjectConnections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;

/** The JDBC (and later PostgreSQL-wire) endpoints' connections, opened by the query engine. */
public final class EngineConnections implements ProjectConnections {
    private final HaechiEngine engine;

    public EngineConnections(HaechiEngine engine) {
        this.engine = requireNonNull(engine, "engine is null");
    }

    @Override
    public Connection open(String project, Properties properties) throws SQLException {
        return engine.connect(project, properties);
    }

    @Override
    public List<String> projects() {
        return engine.projects();
    }
}
