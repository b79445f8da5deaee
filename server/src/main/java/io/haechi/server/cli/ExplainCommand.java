package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code haechi explain}: the plan of a query: which cube and cuboid serve it, or why none can. */
@Command(name = "explain", mixinStandardHelpOptions = true,
        description = "Show the plan of a SQL query: the cube, cuboid, key ranges and filters that serve it.")
final class ExplainCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Mixin
    QueryOptions query;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open(); Connection c = query.connect(ctx); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("explain plan for " + query.sql)) {
            while (rs.next()) {
                out.println(rs.getString(1));
            }
            return ExitCodes.OK;
        }
    }
}
