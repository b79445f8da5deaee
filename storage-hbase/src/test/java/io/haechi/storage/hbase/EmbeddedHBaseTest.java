package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Result;
import org.apache.hadoop.hbase.client.ResultScanner;
import org.apache.hadoop.hbase.client.Scan;
import org.apache.hadoop.hbase.client.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The embedded HBase as the engine runs it: a child JVM, end to end. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class EmbeddedHBaseTest {
    private static final TableName TABLE = TableName.valueOf("haechi", "embedded_test");

    @TempDir
    Path dataDir;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private EmbeddedHBaseConfig config() throws IOException {
        return EmbeddedHBaseConfig.defaults(dataDir).withZookeeperPort(freePort()).withMaxHeap("512m");
    }

    @Test
    void startsLoadsStopsAndRestartsOnTheSameData() throws Exception {
        List<TestRows.Row> rows = TestRows.generate(100_000, 8, 100, 99);
        EmbeddedHBaseConfig config = config();

        EmbeddedHBase first = EmbeddedHBase.start(config);
        long pid = first.pid();
        try {
            System.out.println("MEASURE embedded cold start " + first.startupTime().toMillis() + " ms");
            assertThat(Files.readString(dataDir.resolve("conf/hbase-site.xml")))
                    .contains("<name>hbase.master.info.port</name><value>-1</value>")
                    .contains(HaechiAggregationObserver.class.getName());
            assertThat(Files.readString(dataDir.resolve(EmbeddedHBase.PID_FILE)).trim()).isEqualTo(Long.toString(pid));
            Connection connection = first.connection();
            try (Admin admin = connection.getAdmin()) {
                HBaseTables.create(admin, TABLE, TestRows.shardSplits(8));
            }
            long begin = System.nanoTime();
            LoadResult load;
            try (HFileBulkLoader loader = HFileBulkLoader.open(connection, TABLE, dataDir.resolve("tmp"))) {
                rows.forEach(r -> loader.append(r.key(), TestRows.QUALIFIER, TestRows.longBytes(r.value())));
                load = loader.commit();
            }
            System.out.println("MEASURE embedded bulk load 100k rows " + (System.nanoTime() - begin) / 1_000_000
                    + " ms (" + load + ")");
            assertThat(readAll(connection)).containsExactlyElementsOf(rows);

            // A second Haechi on the same directory is refused while the first one runs.
            assertThatThrownBy(() -> EmbeddedHBase.start(config.withZookeeperPort(freePort())))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.DATA_DIRECTORY_LOCKED))
                    .hasMessageContaining("the data directory " + dataDir.toAbsolutePath().normalize())
                    .hasMessageContaining("process " + ProcessHandle.current().pid() + " holds")
                    .hasMessageContaining(StoreConfig.EMBEDDED_DIR);
            assertThat(first.isRunning()).isTrue();
        } finally {
            long begin = System.nanoTime();
            first.close();
            System.out.println("MEASURE embedded stop " + (System.nanoTime() - begin) / 1_000_000 + " ms");
        }
        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        assertThat(dataDir.resolve(EmbeddedHBase.PID_FILE)).doesNotExist();
        first.close();

        // Restart; then this Haechi "dies hard" (lock released, child left running with its pid file).
        Process firstParent = new ProcessBuilder("sleep", "600").start();
        Process secondParent = new ProcessBuilder("sleep", "600").start();
        try {
            EmbeddedHBase second = EmbeddedHBase.start(config, firstParent.pid());
            System.out.println("MEASURE embedded restart with data " + second.startupTime().toMillis() + " ms");
            assertThat(second.pid()).isNotEqualTo(pid);
            assertThat(readAll(second.connection())).containsExactlyElementsOf(rows);
            ProcessHandle staleChild = ProcessHandle.of(second.pid()).orElseThrow();
            second.abandonForTest();
            assertThat(staleChild.isAlive()).isTrue();
            assertThat(Files.readString(dataDir.resolve(EmbeddedHBase.PID_FILE)).trim())
                    .isEqualTo(Long.toString(staleChild.pid()));
            assertThat(EmbeddedHBase.commandLine(staleChild)).hasValueSatisfying(c -> assertThat(c)
                    .contains(EmbeddedHBaseMain.class.getName()).contains(EmbeddedHBase.DIR_MARKER + config.dataDir() + " "));

            // The next start finds the stale child through the pid file and stops it before starting its own.
            EmbeddedHBase third = EmbeddedHBase.start(config, secondParent.pid());
            try {
                assertThat(staleChild.isAlive()).isFalse();
                assertThat(readAll(third.connection())).containsExactlyElementsOf(rows);

                // The child's watchdog: its parent dies hard, and it shuts HBase down by itself.
                ProcessHandle child = ProcessHandle.of(third.pid()).orElseThrow();
                secondParent.destroyForcibly().waitFor();
                long begin = System.nanoTime();
                child.onExit().get(120, TimeUnit.SECONDS);
                System.out.println("MEASURE orphaned child exit after parent death "
                        + Duration.ofNanos(System.nanoTime() - begin).toMillis() + " ms");
                assertThat(child.isAlive()).isFalse();
                assertThat(Files.readString(third.logFile())).contains("is gone without stopping HBase")
                        .contains("HBase is down; exiting");
            } finally {
                third.close();
            }
        } finally {
            firstParent.destroyForcibly();
            secondParent.destroyForcibly();
        }
        assertThat(Files.readString(dataDir.resolve("logs/hbase.log"))).contains("Haechi starts the embedded HBase");
    }

    @Test
    void zookeeperPortInUseIsReportedWithTheKeyToChange() throws IOException {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> EmbeddedHBase.start(EmbeddedHBaseConfig.defaults(dataDir).withZookeeperPort(port)))
                    .isInstanceOfSatisfying(HaechiException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.PORT_IN_USE))
                    .hasMessage("port " + port + " on 127.0.0.1, which the embedded HBase's ZooKeeper needs, is "
                            + "already in use; stop whatever holds it or choose another port with "
                            + StoreConfig.EMBEDDED_ZOOKEEPER_PORT);
        }
        // The failed start released the directory: a new start may lock it.
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir)) {
            assertThat(lock).isNotNull();
            assertThat(Files.readString(dataDir.resolve(DataDirectoryLock.FILE_NAME)).trim())
                    .isEqualTo(Long.toString(ProcessHandle.current().pid()));
        }
    }

    private static List<TestRows.Row> readAll(Connection connection) throws IOException {
        List<TestRows.Row> rows = new ArrayList<>();
        try (Table table = connection.getTable(TABLE);
                ResultScanner scanner = table.getScanner(new Scan().setCaching(5000))) {
            for (Result result : scanner) {
                rows.add(new TestRows.Row(result.getRow(),
                        ByteBuffer.wrap(result.getValue(HBaseTables.FAMILY, TestRows.QUALIFIER)).getLong()));
            }
        }
        return rows;
    }
}
