package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code haechi sql}: runs one query against a project's cubes and prints the rows as a table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL query against a project's cubes and print the rows.")
final class SqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Option(names = {"-p", "--project"}, required = true, description = "The project.")
    String project;

    @Option(names = "--max-rows", defaultValue = "1000", description = "Rows printed at most (default 1000).")
    int maxRows;

    @Parameters(index = "0", paramLabel = "SQL", description = "The query, quoted.")
    String sql;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open();
                Connection c = ctx.engine().connect(project, new Properties());
                Statement st = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = st.executeQuery(sql)) {
                ResultTable.print(rs, out, maxRows);
            }
            out.printf(Locale.ROOT, "%.1f ms%n", (System.nanoTime() - start) / 1e6);
            return ExitCodes.OK;
        }
    }
}
