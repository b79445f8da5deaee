package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code haechi sql}: runs one query against a project's cubes and prints the rows as a table. */
@Command(name = "sql", mixinStandardHelpOptions = true,
        description = "Run a SQL query against a project's cubes and print the rows.")
final class SqlCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Mixin
    QueryOptions query;

    @Option(names = "--max-rows", defaultValue = "1000", description = "Rows printed at most (default 1000).")
    int maxRows;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (HaechiContext ctx = context.open(); Connection c = query.connect(ctx); Statement st = c.createStatement()) {
            long start = System.nanoTime();
            try (ResultSet rs = st.executeQuery(query.sql)) {
                ResultTable.print(rs, out, maxRows);
            }
            out.printf(Locale.ROOT, "%.1f ms%n", (System.nanoTime() - start) / 1e6);
            return ExitCodes.OK;
        }
    }
}
