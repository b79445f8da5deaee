package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haechi explain}: the plan of a query: which cube and cuboid serve it, or why none can. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show the plan of a SQL query: the cube, cuboid, key ranges and filters that serve it.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-p", "--project"}, required = true, description = "The project.")
    String project;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, quoted.")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open();
                Connection c = ctx.engine().connect(project, new Properties());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("explain plan for " + sql)) {
            while (rs.next()) {
                out.println(rs.getString(1));
            }
            return ExitCodes.OK;
        }
    }
}
