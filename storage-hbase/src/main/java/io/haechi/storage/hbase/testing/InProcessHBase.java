package io.haechi.storage.hbase.testing;

import io.haechi.storage.hbase.StandaloneSettings;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.LocalHBaseCluster;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.master.HMaster;
import org.apache.hadoop.hbase.regionserver.HRegionServer;
import org.apache.hadoop.hbase.zookeeper.MiniZooKeeperCluster;

/**
 * A real HBase inside the test JVM, <b>for tests only</b>: {@link MiniZooKeeperCluster} on a free port plus a
 * {@link LocalHBaseCluster} (one master, one region server) with random ports, no web UIs, data in a temporary
 * directory, and Haechi's aggregation observer on every region. Start-up takes about 5 s, so a test JVM shares one
 * instance ({@link #shared()}), stopped by a JVM shutdown hook. Tests keep apart by using their own table names.
 *
 * <p>Why tests may run it in-process but the engine may not: see hbase.md section 2 (a failed start leaves
 * non-daemon ZooKeeper threads that hang the JVM, so give test classes a {@code @Timeout}).
 */
public final class InProcessHBase implements AutoCloseable {
    private static InProcessHBase shared;

    private final Path directory;
    private final MiniZooKeeperCluster zookeeper;
    private final LocalHBaseCluster cluster;
    private final Configuration configuration;
    private final Connection connection;
    private final Duration startupTime;
    private boolean closed;

    private InProcessHBase(Path directory, MiniZooKeeperCluster zookeeper, LocalHBaseCluster cluster,
            Configuration configuration, Connection connection, Duration startupTime) {
        this.directory = directory;
        this.zookeeper = zookeeper;
        this.cluster = cluster;
        this.configuration = configuration;
        this.connection = connection;
        this.startupTime = startupTime;
    }

    /** The instance of this JVM, started on first use and stopped when the JVM exits. Do not close it. */
    public static synchronized InProcessHBase shared() {
        if (shared == null) {
            InProcessHBase started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "haechi-inprocess-hbase-stop"));
            shared = started;
        }
        return shared;
    }

    /** Starts a new cluster in a fresh temporary directory; the caller closes it. */
    public static InProcessHBase start() {
        long begin = System.nanoTime();
        Path directory;
        try {
            directory = Files.createTempDirectory("haechi-hbase-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        MiniZooKeeperCluster zookeeper = null;
        LocalHBaseCluster cluster = null;
        try {
            Configuration conf = HBaseConfiguration.create();
            StandaloneSettings.forDirectory(directory, 0).forEach(conf::set);
            zookeeper = new MiniZooKeeperCluster(conf);
            int port = zookeeper.startup(new File(directory.toFile(), "zk"));
            conf.setInt("hbase.zookeeper.property.clientPort", port);
            cluster = new LocalHBaseCluster(conf, 1, 1, HMaster.class, HRegionServer.class);
            cluster.startup();
            Connection connection = ConnectionFactory.createConnection(conf);
            waitUntilReady(connection, Duration.ofSeconds(90));
            return new InProcessHBase(directory, zookeeper, cluster, conf, connection,
                    Duration.ofNanos(System.nanoTime() - begin));
        } catch (Exception e) {
            stopQuietly(cluster, zookeeper);
            deleteRecursively(directory);
            throw new IllegalStateException("in-process HBase failed to start: " + e, e);
        }
    }

    private static void waitUntilReady(Connection connection, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try (Admin admin = connection.getAdmin()) {
                admin.listNamespaceDescriptors();
                admin.listTableNames();
                return;
            } catch (IOException e) {
                last = e;
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("HBase not ready after " + timeout, last);
    }

    /** A client configuration for this cluster (a copy). */
    public Configuration configuration() {
        return new Configuration(configuration);
    }

    /** The shared client connection; do not close it. */
    public Connection connection() {
        return connection;
    }

    public Duration startupTime() {
        return startupTime;
    }

    /** The temporary directory holding the cluster's data. */
    public Path directory() {
        return directory;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (IOException e) {
            // stopping anyway
        }
        stopQuietly(cluster, zookeeper);
        deleteRecursively(directory);
    }

    private static void stopQuietly(LocalHBaseCluster cluster, MiniZooKeeperCluster zookeeper) {
        if (cluster != null) {
            cluster.shutdown();
            cluster.join();
        }
        if (zookeeper != null) {
            try {
                zookeeper.shutdown();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp directory left behind is harmless
        }
    }
}
