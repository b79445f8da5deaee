package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HBase in standalone mode (master, region server and ZooKeeper in one child JVM on Java 17), started,
 * health-checked and stopped by Haechi (hbase.md section 2a). Data lives under {@link EmbeddedHBaseConfig#dataDir()};
 * a second start on the same directory reuses it.
 *
 * <p>Start: lock the data directory ({@code DATA_DIRECTORY_LOCKED} if another Haechi holds it), stop a stale child
 * left by a Haechi that died hard (pid file), check the ZooKeeper port ({@code PORT_IN_USE}), write
 * {@code conf/hbase-site.xml}, launch {@link EmbeddedHBaseMain}, and wait until {@code Admin.listTableNames()} answers
 * ({@code STORE_UNAVAILABLE} with the tail of {@code logs/hbase.log} if the child dies or the timeout passes).
 *
 * <p>Stop ({@link #close()}, also run by a JVM shutdown hook so Ctrl-C is clean): {@code Admin.shutdown()}, which
 * flushes the memstores, then wait for the child to exit, killing it after the stop timeout. If this JVM is killed
 * instead, the child's watchdog notices within a second and shuts HBase down itself.
 */
public final class EmbeddedHBase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHBase.class);
    static final String PID_FILE = "hbase.pid";
    /** Marks the child's command line with its data directory, for the stale-child check. */
    static final String DIR_MARKER = "-Dhaechi.embedded.hbase.dir=";
    private static final int LOG_TAIL_LINES = 40;

    /** HBase's own JDK 11+ flags (read from its bin/hbase), plus a fail-fast on OOM. */
    static final List<String> JVM_FLAGS = List.of(
            "-Dorg.apache.hbase.thirdparty.io.netty.tryReflectionSetAccessible=true",
            "--add-modules", "jdk.unsupported",
            "--add-opens", "java.base/java.io=ALL-UNNAMED",
            "--add-opens", "java.base/java.nio=ALL-UNNAMED",
            "--add-opens", "java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang=ALL-UNNAMED",
            "--add-opens", "java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens", "java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens", "java.base/java.util=ALL-UNNAMED",
            "--add-opens", "java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-exports", "java.base/jdk.internal.misc=ALL-UNNAMED",
            "--add-exports", "java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-exports", "java.base/sun.net.dns=ALL-UNNAMED",
            "--add-exports", "java.base/sun.net.util=ALL-UNNAMED",
            "-XX:+ExitOnOutOfMemoryError");

    private final EmbeddedHBaseConfig config;
    private final DataDirectoryLock lock;
    private final Process process;
    private final Configuration clientConfiguration;
    private final Duration startupTime;
    private final Thread shutdownHook;
    private Connection connection;
    private boolean closed;

    private EmbeddedHBase(EmbeddedHBaseConfig config, DataDirectoryLock lock, Process process,
            Configuration clientConfiguration, Duration startupTime) {
        this.config = config;
        this.lock = lock;
        this.process = process;
        this.clientConfiguration = clientConfiguration;
        this.startupTime = startupTime;
        this.shutdownHook = new Thread(this::close, "haechi-embedded-hbase-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts HBase and returns once it answers; see the class comment for the errors. */
    public static EmbeddedHBase start(EmbeddedHBaseConfig config) {
        return start(config, ProcessHandle.current().pid());
    }

    /** Starts HBase with a watchdog on {@code parentPid} instead of this JVM (tests of the watchdog). */
    static EmbeddedHBase start(EmbeddedHBaseConfig config, long parentPid) {
        requireNonNull(config, "config is null");
        long begin = System.nanoTime();
        Path dataDir = config.dataDir();
        createDirectories(dataDir, dataDir.resolve("conf"), dataDir.resolve("logs"));
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir);
        Process process = null;
        try {
            Configuration client = clientConfiguration(config.zookeeperPort());
            stopStaleChild(dataDir, client, config.stopTimeout());
            checkPortFree(config.zookeeperPort());
            Path java = JavaRuntimes.java17(config.java(), JavaRuntimes.DEFAULT_JVM_ROOT);
            Map<String, String> site = new LinkedHashMap<>(
                    StandaloneSettings.forDirectory(dataDir, config.zookeeperPort()));
            site.putAll(config.extraSite());
            StandaloneSettings.writeSiteXml(site, dataDir.resolve("conf").resolve("hbase-site.xml"));
            Path log = logFile(dataDir);
            Files.writeString(log, "==== Haechi starts the embedded HBase (parent pid "
                    + ProcessHandle.current().pid() + ") ====\n", StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command(config, java, parentPid))
                    .directory(dataDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            builder.environment().remove("CLASSPATH");
            process = builder.start();
            Files.writeString(dataDir.resolve(PID_FILE), process.pid() + "\n", StandardCharsets.UTF_8);
            LOG.info("embedded HBase launched as pid {} (data {}, ZooKeeper 127.0.0.1:{}, log {})", process.pid(),
                    dataDir, config.zookeeperPort(), log);
            waitUntilReady(process, client, config);
            Duration took = Duration.ofNanos(System.nanoTime() - begin);
            LOG.info("embedded HBase ready after {} ms", took.toMillis());
            return new EmbeddedHBase(config, lock, process, client, took);
        } catch (RuntimeException | IOException e) {
            if (process != null) {
                process.destroyForcibly();
                waitFor(process, Duration.ofSeconds(30));
                deleteQuietly(dataDir.resolve(PID_FILE));
            }
            lock.close();
            if (e instanceof HaechiException haechi) {
                throw haechi;
            }
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "cannot start the embedded HBase in " + dataDir
                    + ": " + e.getMessage(), e);
        }
    }

    static List<String> command(EmbeddedHBaseConfig config, Path java, long parentPid) {
        String classpath = config.dataDir().resolve("conf") + File.pathSeparator
                + absolute(config.classpath().orElse(System.getProperty("java.class.path")));
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        // First, so that even a truncated view of the command line shows whose child this is.
        command.add(DIR_MARKER + config.dataDir());
        command.addAll(JVM_FLAGS);
        command.add("-Xmx" + config.maxHeap());
        command.add("-Dorg.slf4j.simpleLogger.showDateTime=true");
        command.add("-Dorg.slf4j.simpleLogger.dateTimeFormat=yyyy-MM-dd HH:mm:ss.SSS");
        command.add("-cp");
        command.add(classpath);
        command.add(EmbeddedHBaseMain.class.getName());
        command.add(Long.toString(parentPid));
        return command;
    }

    /** The child runs in the data directory, so relative classpath entries are resolved against ours first. */
    static String absolute(String classpath) {
        StringBuilder result = new StringBuilder();
        for (String entry : classpath.split(File.pathSeparator)) {
            if (!entry.isEmpty()) {
                result.append(result.length() == 0 ? "" : File.pathSeparator)
                        .append(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        return result.toString();
    }

    static Configuration clientConfiguration(int zookeeperPort) {
        Configuration conf = HBaseConfiguration.create();
        conf.set("hbase.zookeeper.quorum", "127.0.0.1");
        conf.setInt("hbase.zookeeper.property.clientPort", zookeeperPort);
        return conf;
    }

    /** A configuration whose client calls give up fast, for probing a server that may not be there. */
    private static Configuration probeConfiguration(Configuration client) {
        Configuration probe = new Configuration(client);
        probe.setInt("hbase.client.retries.number", 1);
        probe.setInt("hbase.client.pause", 100);
        probe.setInt("hbase.rpc.timeout", 5000);
        probe.setInt("hbase.client.operation.timeout", 8000);
        probe.setInt("zookeeper.recovery.retry", 0);
        probe.setInt("zookeeper.session.timeout", 5000);
        return probe;
    }

    private static void waitUntilReady(Process process, Configuration client, EmbeddedHBaseConfig config) {
        long deadline = System.nanoTime() + config.startTimeout().toNanos();
        Configuration probe = probeConfiguration(client);
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "the embedded HBase exited with code "
                        + process.exitValue() + " while starting; the end of " + logFile(config.dataDir()) + ":\n"
                        + logTail(config.dataDir()));
            }
            if (!accepts(config.zookeeperPort())) {
                // ZooKeeper is not listening yet: no need for (noisy) HBase client attempts.
                sleep(100);
                continue;
            }
            try (Connection connection = ConnectionFactory.createConnection(probe);
                    Admin admin = connection.getAdmin()) {
                // Namespaces answer only once the master has finished initialising; table names answer earlier.
                admin.listNamespaceDescriptors();
                admin.listTableNames();
                return;
            } catch (IOException | RuntimeException e) {
                last = e;
            }
            sleep(250);
        }
        throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "the embedded HBase did not answer within "
                + config.startTimeout().toSeconds() + " s (raise " + StoreConfig.EMBEDDED_START_TIMEOUT
                + "); last error: " + last + "; the end of " + logFile(config.dataDir()) + ":\n"
                + logTail(config.dataDir()));
    }

    /** A child left running by a Haechi that died hard: stop it so this start can own the data. */
    private static void stopStaleChild(Path dataDir, Configuration client, Duration stopTimeout) {
        Path pidFile = dataDir.resolve(PID_FILE);
        Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(p -> commandLine(p).map(c -> c.contains(DIR_MARKER + dataDir + " ")).orElse(false));
        if (stale.isPresent()) {
            ProcessHandle child = stale.get();
            LOG.warn("a previous embedded HBase (pid {}) is still running on {}; stopping it", child.pid(), dataDir);
            try (Connection connection = ConnectionFactory.createConnection(probeConfiguration(client));
                    Admin admin = connection.getAdmin()) {
                admin.shutdown();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Admin.shutdown() of the stale HBase failed ({}); terminating pid {}", e, child.pid());
            }
            stopProcess(child, stopTimeout);
        }
        deleteQuietly(pidFile);
    }

    /**
     * The process's command line. On Linux it is read from /proc, because {@code ProcessHandle.Info} truncates long
     * command lines (the child's, with its classpath, is several KB).
     */
    static Optional<String> commandLine(ProcessHandle process) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            return Optional.of(new String(raw, StandardCharsets.UTF_8).replace('\0', ' '));
        } catch (IOException | RuntimeException e) {
            return process.info().commandLine().map(c -> c + " ");
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Optional.of(Long.parseLong(Files.readString(pidFile, StandardCharsets.UTF_8).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void checkPortFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Like ZooKeeper's own listener: connections of a previous run in TIME_WAIT do not block the port.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new HaechiException(ErrorCode.PORT_IN_USE, "port " + port + " on 127.0.0.1, which the embedded "
                    + "HBase's ZooKeeper needs, is already in use; stop whatever holds it or choose another port with "
                    + StoreConfig.EMBEDDED_ZOOKEEPER_PORT);
        }
    }

    /** A client configuration for this HBase (a copy). */
    public Configuration clientConfiguration() {
        return new Configuration(clientConfiguration);
    }

    /** A connection owned by this instance (closed by {@link #close()}); do not close it. */
    public synchronized Connection connection() {
        if (closed) {
            throw new IllegalStateException("the embedded HBase is stopped");
        }
        if (connection == null) {
            try {
                connection = ConnectionFactory.createConnection(clientConfiguration);
            } catch (IOException e) {
                throw HBaseTables.unavailable("connect to the embedded HBase", e);
            }
        }
        return connection;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    public EmbeddedHBaseConfig config() {
        return config;
    }

    public Path logFile() {
        return logFile(config.dataDir());
    }

    /** From the start call to the first answer of HBase. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Stops HBase cleanly ({@code Admin.shutdown()}), waits for the child to exit, releases the lock. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (process.isAlive()) {
                requestShutdown();
                stopProcess(process.toHandle(), config.stopTimeout());
            }
        } finally {
            if (connection != null) {
                try {
                    connection.close();
                } catch (IOException e) {
                    // HBase is gone already
                }
            }
            deleteQuietly(config.dataDir().resolve(PID_FILE));
            lock.close();
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // running inside the shutdown hook
            }
        }
    }

    /**
     * For tests: behave as if this JVM had been killed hard: release the lock and forget the child, leaving it
     * running with its pid file, as a SIGKILL of Haechi would.
     */
    synchronized void abandonForTest() {
        closed = true;
        lock.close();
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
    }

    private void requestShutdown() {
        try (Connection c = ConnectionFactory.createConnection(probeConfiguration(clientConfiguration));
                Admin admin = c.getAdmin()) {
            admin.shutdown();
        } catch (IOException | RuntimeException e) {
            // The master may drop the connection while it goes down; the process exit is what counts.
            LOG.debug("Admin.shutdown() returned {}", e.toString());
        }
    }

    private static void stopProcess(ProcessHandle handle, Duration timeout) {
        if (waitFor(handle, timeout)) {
            return;
        }
        LOG.warn("HBase pid {} did not exit within {} s of Admin.shutdown(); terminating it", handle.pid(),
                timeout.toSeconds());
        handle.destroy();
        if (!waitFor(handle, Duration.ofSeconds(30))) {
            handle.destroyForcibly();
            waitFor(handle, Duration.ofSeconds(10));
        }
    }

    private static boolean waitFor(ProcessHandle handle, Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return !handle.isAlive();
        } catch (ExecutionException e) {
            return !handle.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !handle.isAlive();
        }
    }

    private static boolean waitFor(Process process, Duration timeout) {
        return waitFor(process.toHandle(), timeout);
    }

    static Path logFile(Path dataDir) {
        return dataDir.resolve("logs").resolve("hbase.log");
    }

    static String logTail(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(logFile(dataDir), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log not readable: " + e.getMessage() + ")";
        }
    }

    private static void createDirectories(Path... dirs) {
        for (Path dir : dirs) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "cannot create directory " + dir + ": " + e,
                        e);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a stale pid file is checked against the process command line anyway
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "interrupted while starting the embedded HBase");
        }
    }
}
