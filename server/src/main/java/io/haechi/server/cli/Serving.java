package io.haechi.server.cli;

import io.haechi.server.jdbc.JdbcServer;
import io.haechi.server.pg.PgServer;
import io.haechi.server.runtime.BuildQueue;
import io.haechi.server.query.EngineConnections;
import io.haechi.server.runtime.HaechiContext;
import io.haechi.server.web.WebServer;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts the endpoints over a context (JDBC, the PostgreSQL wire, and the web UI with the REST API), prints how to
 * connect, and serves
 * until the JVM is asked to stop.
 */
final class Serving {
    private Serving() {
    }

    /** The running endpoints; closing stops the web endpoint and its builds, then the SQL endpoints. */
    record Endpoints(JdbcServer jdbc, PgServer pg, WebServer web, BuildQueue builds) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            closeAll(web, builds, pg, jdbc);
        }
    }

    static Endpoints start(HaechiContext ctx, PrintWriter out) {
        ctx.engine().warmUp();
        EngineConnections connections = new EngineConnections(ctx.engine());
        JdbcServer jdbc = new JdbcServer(connections, ctx.settings()).start();
        PgServer pg;
        try {
            pg = new PgServer(connections, ctx.settings(), HaechiVersion.get()).start();
        } catch (RuntimeException e) {
            jdbc.close();
            throw e;
        }
        BuildQueue builds = new BuildQueue(ctx);
        WebServer web;
        try {
            web = WebServer.over(ctx, builds, Optional.of(jdbc.url("PROJECT"))).start();
        } catch (RuntimeException e) {
            builds.close();
            pg.close();
            jdbc.close();
            throw e;
        }
        List<String> projects = ctx.engine().projects();
        out.println("Web UI:     " + web.url() + (web.uiPackaged() ? "" : "  (UI not packaged in this build: the "
                + "REST API is at " + web.url() + "api/)"));
        out.println("JDBC:       " + (projects.isEmpty() ? jdbc.url("PROJECT")
                : String.join("\n            ", projects.stream().map(jdbc::url).toList())));
        out.println("Driver jar: " + driverJar());
        out.println("sqlline:    java -cp sqlline-1.12.0-jar-with-dependencies.jar:" + driverJar()
                + " sqlline.SqlLine -u '" + jdbc.url(projects.isEmpty() ? "PROJECT" : projects.get(0))
                + "' -n '' -p ''   (README, section JDBC: getting sqlline)");
        String first = projects.isEmpty() ? "PROJECT" : projects.get(0);
        out.println("psql:       " + (projects.isEmpty() ? pg.psqlCommand("PROJECT")
                : String.join("\n            ", projects.stream().map(pg::psqlCommand).toList())));
        out.println("ODBC:       odbc.ini data source for psqlODBC (Debian packages unixodbc, odbc-postgresql; README, "
                + "section PostgreSQL wire / ODBC):");
        for (String line : pg.odbcIni(first).split("\n")) {
            out.println("              " + line);
        }
        out.flush();
        return new Endpoints(jdbc, pg, web, builds);
    }

    /**
     * Blocks until Ctrl-C (or SIGTERM), then closes {@code resources} in order. The shutdown hook waits (up to a
     * minute) until they are closed, so the embedded HBase stops cleanly before the JVM exits.
     */
    static void serveUntilStopped(PrintWriter out, AutoCloseable... resources) throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                closed.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "haechi-shutdown"));
        out.println("Serving; Ctrl-C stops the server and the embedded HBase.");
        out.flush();
        try {
            stop.await();
            out.println("stopping");
            out.flush();
        } finally {
            try {
                closeAll(resources);
            } finally {
                closed.countDown();
            }
        }
    }

    static void closeAll(AutoCloseable... resources) throws Exception {
        Exception first = null;
        for (AutoCloseable r : resources) {
            try {
                r.close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    static String driverJar() {
        Path home = Path.of(System.getProperty("haechi.home", "."));
        try (var files = Files.list(home.resolve("jdbc-driver").resolve("target"))) {
            return files.filter(p -> p.getFileName().toString().matches("haechi-jdbc-driver-.*\\.jar")
                    && !p.getFileName().toString().startsWith("original-")).findFirst()
                    .map(p -> p.toAbsolutePath().normalize().toString())
                    .orElse("jdbc-driver/target/haechi-jdbc-driver-<version>.jar (mvn -pl jdbc-driver -am package)");
        } catch (java.io.IOException e) {
            return "jdbc-driver/target/haechi-jdbc-driver-<version>.jar (mvn -pl jdbc-driver -am package)";
        }
    }
}
