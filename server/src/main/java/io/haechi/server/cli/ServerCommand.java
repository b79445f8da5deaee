package io.haechi.server.cli;

import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code haechi server}: the store (embedded HBase unless configured), the JDBC endpoint, the PostgreSQL-wire endpoint
 * (psql, ODBC) and the web endpoint (UI and REST API), until Ctrl-C.
 */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = "Start the store and serve SQL over JDBC and the PostgreSQL wire protocol (psql, ODBC), and the "
                + "web UI with its REST API (loopback by default) until Ctrl-C.")
final class ServerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContextOptions context;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("starting the store (embedded HBase unless hbase.zookeeper.quorum is set)");
        out.flush();
        HaechiContext ctx = context.open();
        Serving.Endpoints endpoints;
        try {
            endpoints = Serving.start(ctx, out);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
        Serving.serveUntilStopped(out, endpoints, ctx);
        return ExitCodes.OK;
    }
}
