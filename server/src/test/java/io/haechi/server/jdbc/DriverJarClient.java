package io.haechi.server.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code src/test/client/JdbcClient.java} in a separate JVM whose classpath is only the shaded driver jar
 * (system property {@code haechi.test.driver.jar}, set by the pom) and collects its {@code key<TAB>value} lines.
 */
public final class DriverJarClient {
    private final Map<String, List<String>> lines = new LinkedHashMap<>();
    private final String stderr;

    private DriverJarClient(List<String> out, String stderr) {
        this.stderr = stderr;
        for (String line : out) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                lines.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>()).add(line.substring(tab + 1));
            }
        }
    }

    static Path driverJar() {
        String jar = System.getProperty("haechi.test.driver.jar");
        assertThat(jar).as("system property haechi.test.driver.jar (set by the server pom)").isNotNull();
        Path path = Path.of(jar);
        assertThat(path).as("the shaded driver jar; build the reactor with -am so jdbc-driver is packaged").exists();
        return path;
    }

    public static DriverJarClient run(String mode, String host, int port, String project, String... statements)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path source = Path.of("src/test/client/JdbcClient.java").toAbsolutePath();
        Path out = Files.createTempFile("jdbc-client", ".out");
        Path err = Files.createTempFile("jdbc-client", ".err");
        try {
            List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-cp",
                    driverJar().toString(), source.toString(), mode, host, String.valueOf(port), project));
            command.addAll(List.of(statements));
            Process process = new ProcessBuilder(command)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            boolean finished = process.waitFor(150, TimeUnit.SECONDS);
            if (!finished) {
                process.destroyForcibly();
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            // Kept in the test's output file (surefire redirects it) for whoever reads a failure.
            System.out.println("client " + mode + " output:\n" + Files.readString(out, StandardCharsets.UTF_8));
            DriverJarClient client = new DriverJarClient(Files.readAllLines(out, StandardCharsets.UTF_8), stderr);
            assertThat(finished).as("client JVM finished; stderr:\n" + stderr).isTrue();
            assertThat(process.exitValue()).as("client exit code; stderr:\n" + stderr).isZero();
            assertThat(client.one("done")).isEqualTo("ok");
            return client;
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** All values printed under {@code key}. */
    public List<String> all(String key) {
        return lines.getOrDefault(key, List.of());
    }

    /** The one value printed under {@code key}. */
    public String one(String key) {
        List<String> values = all(key);
        assertThat(values).as("lines for '" + key + "'; stderr:\n" + stderr).hasSize(1);
        return values.get(0);
    }
}
