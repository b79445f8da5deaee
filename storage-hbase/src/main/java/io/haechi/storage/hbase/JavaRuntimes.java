package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the Java 17 that runs the embedded HBase: HBase 2.6 with Hadoop 3.4 fails on newer JDKs ({@code getSubject is
 * not supported} on Java 25, hbase.md Pitfalls), so the child JVM may need another JDK than the engine's.
 */
public final class JavaRuntimes {
    /** Where Debian and most Linux distributions install JDKs. */
    public static final Path DEFAULT_JVM_ROOT = Path.of("/usr/lib/jvm");
    static final int REQUIRED_FEATURE = 17;

    private JavaRuntimes() {
    }

    /**
     * The {@code java} binary for the child: {@code configured} if given, else this JVM's if it is Java 17, else the
     * first Java 17 under {@code jvmRoot}.
     */
    public static Path java17(Optional<Path> configured, Path jvmRoot) {
        if (configured.isPresent()) {
            Path java = configured.get();
            if (!Files.isExecutable(java)) {
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "the configured Java for the embedded HBase ("
                        + StoreConfig.EMBEDDED_JAVA + "=" + java + ") is not an executable file");
            }
            return java;
        }
        int current = Runtime.version().feature();
        if (current == REQUIRED_FEATURE) {
            return Path.of(System.getProperty("java.home"), "bin", "java");
        }
        return findUnder(jvmRoot).orElseThrow(() -> new HaechiException(ErrorCode.STORE_UNAVAILABLE,
                "the embedded HBase needs Java 17 (HBase 2.6 fails on newer JDKs), but this JVM is Java " + current
                        + " and no Java 17 was found under " + jvmRoot + "; install a JDK 17 (e.g. the Debian package "
                        + "openjdk-17-jre-headless) or set " + StoreConfig.EMBEDDED_JAVA + " to its bin/java"));
    }

    /** The first JDK or JRE directory under {@code jvmRoot} (sorted by name) whose release file says Java 17. */
    static Optional<Path> findUnder(Path jvmRoot) {
        if (!Files.isDirectory(jvmRoot)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(jvmRoot)) {
            List<Path> sorted = dirs.sorted().toList();
            for (Path dir : sorted) {
                Path java = dir.resolve("bin").resolve("java");
                if (Files.isExecutable(java) && featureOf(dir.resolve("release")) == REQUIRED_FEATURE) {
                    return Optional.of(java);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The feature version in a JDK {@code release} file ({@code JAVA_VERSION="17.0.15"}), or -1. */
    static int featureOf(Path releaseFile) {
        try {
            for (String line : Files.readAllLines(releaseFile)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "").trim();
                    String feature = version.split("[.+-]")[0];
                    // Java 8 and older say 1.8.0
                    return feature.equals("1") ? Integer.parseInt(version.split("\\.")[1]) : Integer.parseInt(feature);
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
