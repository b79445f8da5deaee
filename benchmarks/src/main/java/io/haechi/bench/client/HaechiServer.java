package io.haechi.bench.client;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code haechi server} process (the launcher, with the embedded HBase in its own child JVM), started and
 * stopped by the client side, and the cold-start measurement: from the launch to the first query answered over the
 * thin driver.
 */
public final class HaechiServer implements AutoCloseable {
    private final Process process;
    private final long launchedNanos;

    private HaechiServer(Process process, long launchedNanos) {
        this.process = process;
        this.launchedNanos = launchedNanos;
    }

    /** Launches {@code launcher server --config CONFIG}, output to {@code log}. */
    public static HaechiServer start(Path launcher, Path config, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(launcher.toString(), "server", "--config",
                config.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long t0 = System.nanoTime();
        return new HaechiServer(pb.start(), t0);
    }

    /**
     * Polls (every 50 ms) until {@code sql} is answered on {@code url}; returns the milliseconds since the launch.
     * The driver's classes are loaded before the launch (a connection refused), so the client JVM's own start-up is
     * not counted.
     */
    public double awaitFirstAnswer(String url, String sql, long timeoutSeconds) throws InterruptedException {
        long deadline = launchedNanos + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the haechi server exited with " + process.exitValue()
                        + " before answering; see its log");
            }
            try (Connection c = DriverManager.getConnection(url); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery(sql)) {
                Engines.consume(rs);
                return (System.nanoTime() - launchedNanos) / 1e6;
            } catch (SQLException e) {
                last = e;
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the haechi server answered no query within " + timeoutSeconds + " s"
                + (last == null ? "" : "; last error: " + last.getMessage()));
    }

    /** Loads the driver's classes with a connection that is refused (nothing listens on port 1). */
    public static void loadDriver() {
        try (Connection c = DriverManager.getConnection("jdbc:haechi://127.0.0.1:1/none")) {
            c.isValid(1);
        } catch (SQLException | RuntimeException e) {
            // expected: refused
        }
    }

    /** SIGTERM: the server closes the JDBC endpoint and stops the embedded HBase cleanly (up to 2 minutes). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
