package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;

/**
 * Where Haechi's HBase is, from flat configuration keys (the server's config file, CLI flags).
 *
 * <ul>
 *   <li>If {@value #QUORUM} is set, Haechi uses that cluster: every {@code hbase.*}, {@code zookeeper.*} and
 *       {@code hadoop.*}/{@code fs.*}/{@code dfs.*} key goes into the client configuration unchanged (e.g.
 *       {@code hbase.zookeeper.property.clientPort}, {@code zookeeper.znode.parent}).</li>
 *   <li>Otherwise Haechi starts the embedded HBase, tuned by the {@code haechi.hbase.embedded.*} keys below.</li>
 * </ul>
 *
 * @param properties the keys; unknown {@code haechi.hbase.*} keys are an error, so typos do not go unnoticed
 */
public record StoreConfig(Map<String, String> properties) {
    public static final String QUORUM = "hbase.zookeeper.quorum";
    public static final String EMBEDDED_DIR = "haechi.hbase.embedded.dir";
    public static final String EMBEDDED_ZOOKEEPER_PORT = "haechi.hbase.embedded.zookeeper.port";
    public static final String EMBEDDED_HEAP = "haechi.hbase.embedded.heap";
    public static final String EMBEDDED_JAVA = "haechi.hbase.embedded.java";
    public static final String EMBEDDED_CLASSPATH = "haechi.hbase.embedded.classpath";
    public static final String EMBEDDED_START_TIMEOUT = "haechi.hbase.embedded.start.timeout.seconds";
    /**
     * Where segment builds stage HFiles before the bulk load: a directory the region servers can read (default
     * {@code <embedded dir>/staging} for the embedded HBase; required for a cluster, e.g. {@code hdfs:///tmp/haechi}).
     */
    public static final String STAGING_DIR = "haechi.hbase.staging.dir";
    /** The most groups one cube scan may return (default 5,000,000). */
    public static final String MAX_GROUPS = "haechi.hbase.scan.max.groups";
    /** Default data directory, relative to the working directory. */
    public static final String DEFAULT_DIR = "./data";

    private static final Set<String> HAECHI_KEYS = Set.of(EMBEDDED_DIR, EMBEDDED_ZOOKEEPER_PORT,
            EMBEDDED_HEAP, EMBEDDED_JAVA, EMBEDDED_CLASSPATH, EMBEDDED_START_TIMEOUT, STAGING_DIR, MAX_GROUPS);

    public StoreConfig {
        properties = Map.copyOf(requireNonNull(properties, "properties is null"));
        for (String key : properties.keySet()) {
            if (key.startsWith("haechi.hbase.") && !HAECHI_KEYS.contains(key)) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "unknown store setting '" + key
                        + "'; known: " + new TreeSet<>(HAECHI_KEYS));
            }
        }
    }

    /** True when {@value #QUORUM} points at an existing cluster. */
    public boolean isExternal() {
        return properties.containsKey(QUORUM) && !properties.get(QUORUM).isBlank();
    }

    /** The client configuration of the external cluster. */
    public Configuration externalConfiguration() {
        if (!isExternal()) {
            throw new IllegalStateException(QUORUM + " is not set: this configuration uses the embedded HBase");
        }
        Configuration conf = HBaseConfiguration.create();
        new TreeMap<>(properties).forEach((key, value) -> {
            if (key.startsWith("hbase.") || key.startsWith("zookeeper.") || key.startsWith("hadoop.")
                    || key.startsWith("fs.") || key.startsWith("dfs.")) {
                conf.set(key, value);
            }
        });
        return conf;
    }

    /** The embedded HBase's settings. */
    public EmbeddedHBaseConfig embedded() {
        EmbeddedHBaseConfig config = EmbeddedHBaseConfig.defaults(Path.of(properties.getOrDefault(EMBEDDED_DIR,
                DEFAULT_DIR)));
        try {
            if (properties.containsKey(EMBEDDED_ZOOKEEPER_PORT)) {
                config = config.withZookeeperPort(Integer.parseInt(properties.get(EMBEDDED_ZOOKEEPER_PORT).trim()));
            }
            if (properties.containsKey(EMBEDDED_HEAP)) {
                config = config.withMaxHeap(properties.get(EMBEDDED_HEAP).trim());
            }
            if (properties.containsKey(EMBEDDED_JAVA)) {
                config = config.withJava(Path.of(properties.get(EMBEDDED_JAVA).trim()));
            }
            if (properties.containsKey(EMBEDDED_CLASSPATH)) {
                config = config.withClasspath(properties.get(EMBEDDED_CLASSPATH));
            }
            if (properties.containsKey(EMBEDDED_START_TIMEOUT)) {
                config = config.withStartTimeout(Duration.ofSeconds(
                        Long.parseLong(properties.get(EMBEDDED_START_TIMEOUT).trim())));
            }
        } catch (IllegalArgumentException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "bad embedded HBase setting: " + e.getMessage(), e);
        }
        return config;
    }

    /** The value of a key, if set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(properties.get(key));
    }
}
