package io.haechi.server.pg;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real PostgreSQL clients installed from Debian packages (psql, isql, /usr/bin/python3 with psycopg2). */
public final class Clients {
    /** Exit code and everything the client printed (stdout and stderr together). */
    public record Run(int exit, String output) {
    }

    private Clients() {
    }

    public static Run run(List<String> command, Map<String, String> env, String input, int timeoutSeconds)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        if (input != null) {
            p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        byte[][] output = new byte[1][];
        Thread reader = new Thread(() -> {
            try {
                output[0] = p.getInputStream().readAllBytes();
            } catch (IOException e) {
                output[0] = ("read failed: " + e).getBytes(StandardCharsets.UTF_8);
            }
        });
        reader.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            reader.join(5000);
            throw new AssertionError(command.get(0) + " did not finish in " + timeoutSeconds + " s; output so far: "
                    + (output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8)));
        }
        reader.join(10_000);
        return new Run(p.exitValue(), output[0] == null ? "" : new String(output[0], StandardCharsets.UTF_8));
    }

    /** psql with a script on stdin: no psqlrc, no pager, errors do not stop the script. */
    public static Run psql(int port, String database, String user, String script, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("psql", "-X", "-P", "pager=off", "host=127.0.0.1 port=" + port
                + " dbname=" + database + " user=" + user));
        return run(cmd, env, script, 60);
    }

    /** isql with a DSN written to {@code dir}: odbcinst.ini for psqlODBC, odbc.ini for the data source. */
    public static Run isql(Path dir, int port, String database, String user, String input)
            throws IOException, InterruptedException {
        Files.writeString(dir.resolve("odbcinst.ini"), "[PostgreSQL Unicode]\n"
                + "Description = PostgreSQL ODBC driver (Unicode version)\n"
                + "Driver      = /usr/lib/x86_64-linux-gnu/odbc/psqlodbcw.so\n");
        Files.writeString(dir.resolve("odbc.ini"), "[haechi]\nDriver     = PostgreSQL Unicode\nServername = 127.0.0.1\n"
                + "Port       = " + port + "\nDatabase   = " + database + "\nUsername   = " + user + "\n");
        return run(List.of("isql", "-v", "-b", "-d|", "haechi"), Map.of("ODBCSYSINI", dir.toString(),
                "ODBCINI", dir.resolve("odbc.ini").toString()), input, 60);
    }

    /** A Python script run by Debian's python3, which has psycopg2 (the pyenv python3 on PATH does not). */
    public static Run python(String script, Map<String, String> env) throws IOException, InterruptedException {
        return run(List.of("/usr/bin/python3", "-c", script), env, null, 60);
    }
}
