package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What {@code haechi sql} and {@code haechi explain} take: a project and a query; opens the engine connection. */
final class QueryOptions {
    @Option(names = {"-p", "--project"}, required = true, description = "The project.")
    String project;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, quoted.")
    String sql;

    Connection connect(HaechiContext ctx) throws SQLException {
        return ctx.engine().connect(project, new Properties());
    }
}
