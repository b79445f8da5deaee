package io.haechi.server.cli;

import io.haechi.server.jdbc.JdbcServer;
import io.haechi.server.query.EngineConnections;
import io.haechi.server.runtime.HaechiContext;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Starts the SQL endpoints over a context, prints how to connect, and serves until the JVM is asked to stop. */
final class Serving {
    private Serving() {
    }

    static JdbcServer start(HaechiContext ctx, PrintWriter out) {
        ctx.engine().warmUp();
        JdbcServer jdbc = new JdbcServer(new EngineConnections(ctx.engine()), ctx.settings()).start();
        List<String> projects = ctx.engine().projects();
        out.println("JDBC:       " + (projects.isEmpty() ? jdbc.url("PROJECT")
                : String.join("\n            ", projects.stream().map(jdbc::url).toList())));
        out.println("Driver jar: " + driverJar());
        out.println("sqlline:    java -cp sqlline-1.12.0-jar-with-dependencies.jar:" + driverJar()
                + " sqlline.SqlLine -u '" + jdbc.url(projects.isEmpty() ? "PROJECT" : projects.get(0))
                + "' -n '' -p ''   (README, section JDBC: getting sqlline)");
        out.flush();
        return jdbc;
    }

    /** Blocks until Ctrl-C (or SIGTERM); the caller's try-with-resources then closes the server and the store. */
    static void awaitShutdown(PrintWriter out) throws InterruptedException {
        CountDownLatch stop = new CountDownLatch(1);
        Thread main = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                main.join(60_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "haechi-shutdown"));
        out.println("Serving; Ctrl-C stops the server and the embedded HBase.");
        out.flush();
        stop.await();
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
