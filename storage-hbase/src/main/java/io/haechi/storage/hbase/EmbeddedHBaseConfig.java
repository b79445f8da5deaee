package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to run the embedded HBase child JVM.
 *
 * @param dataDir holds everything: {@code hbase/} (root dir), {@code zk/}, {@code tmp/}, {@code conf/hbase-site.xml},
 *     {@code logs/hbase.log}, {@code haechi.lock}, {@code hbase.pid}
 * @param zookeeperPort the ZooKeeper client port on 127.0.0.1; master and region server ports are random
 * @param maxHeap the child's {@code -Xmx}, e.g. {@code 1g}
 * @param classpath the child's classpath; empty = this JVM's {@code java.class.path}, which puts Haechi's region-side
 *     classes on the region server by construction. It must hold this module and its dependencies.
 * @param java the {@code java} binary; empty = this JVM's if it is Java 17, else a Java 17 under /usr/lib/jvm
 * @param startTimeout how long to wait for HBase to answer after launch
 * @param stopTimeout how long to wait for the child to exit after {@code Admin.shutdown()} before killing it
 * @param extraSite more hbase-site keys; they override Haechi's
 */
public record EmbeddedHBaseConfig(Path dataDir, int zookeeperPort, String maxHeap, Optional<String> classpath,
        Optional<Path> java, Duration startTimeout, Duration stopTimeout, Map<String, String> extraSite) {
    public static final int DEFAULT_ZOOKEEPER_PORT = 21810;
    public static final String DEFAULT_HEAP = "1g";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(120);
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgG]?");

    public EmbeddedHBaseConfig {
        requireNonNull(dataDir, "dataDir is null");
        requireNonNull(maxHeap, "maxHeap is null");
        requireNonNull(classpath, "classpath is null");
        requireNonNull(java, "java is null");
        requireNonNull(startTimeout, "startTimeout is null");
        requireNonNull(stopTimeout, "stopTimeout is null");
        dataDir = dataDir.toAbsolutePath().normalize();
        extraSite = Map.copyOf(requireNonNull(extraSite, "extraSite is null"));
        if (zookeeperPort < 1 || zookeeperPort > 65535) {
            throw new IllegalArgumentException("zookeeperPort must be in 1..65535, got " + zookeeperPort);
        }
        if (!HEAP.matcher(maxHeap).matches()) {
            throw new IllegalArgumentException("maxHeap '" + maxHeap + "' is not a JVM heap size such as 1g or 512m");
        }
        if (startTimeout.isNegative() || startTimeout.isZero() || stopTimeout.isNegative() || stopTimeout.isZero()) {
            throw new IllegalArgumentException("startTimeout and stopTimeout must be positive");
        }
    }

    /** The defaults with data under {@code dataDir}. */
    public static EmbeddedHBaseConfig defaults(Path dataDir) {
        return new EmbeddedHBaseConfig(dataDir, DEFAULT_ZOOKEEPER_PORT, DEFAULT_HEAP, Optional.empty(),
                Optional.empty(), DEFAULT_START_TIMEOUT, DEFAULT_STOP_TIMEOUT, Map.of());
    }

    public EmbeddedHBaseConfig withZookeeperPort(int port) {
        return new EmbeddedHBaseConfig(dataDir, port, maxHeap, classpath, java, startTimeout, stopTimeout, extraSite);
    }

    public EmbeddedHBaseConfig withMaxHeap(String heap) {
        return new EmbeddedHBaseConfig(dataDir, zookeeperPort, heap, classpath, java, startTimeout, stopTimeout,
                extraSite);
    }

    public EmbeddedHBaseConfig withClasspath(String cp) {
        return new EmbeddedHBaseConfig(dataDir, zookeeperPort, maxHeap, Optional.of(cp), java, startTimeout,
                stopTimeout, extraSite);
    }

    public EmbeddedHBaseConfig withJava(Path binary) {
        return new EmbeddedHBaseConfig(dataDir, zookeeperPort, maxHeap, classpath, Optional.of(binary), startTimeout,
                stopTimeout, extraSite);
    }

    public EmbeddedHBaseConfig withStartTimeout(Duration timeout) {
        return new EmbeddedHBaseConfig(dataDir, zookeeperPort, maxHeap, classpath, java, timeout, stopTimeout,
                extraSite);
    }

    public EmbeddedHBaseConfig withExtraSite(Map<String, String> site) {
        return new EmbeddedHBaseConfig(dataDir, zookeeperPort, maxHeap, classpath, java, startTimeout, stopTimeout,
                site);
    }
}
