package io.haechi.storage.hbase;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.apache.hadoop.hbase.HBaseConfiguration;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.master.HMaster;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The main class of the embedded HBase child JVM: {@code HMaster start} plus a watchdog. If the Haechi process that
 * started this JVM dies without stopping it (SIGKILL, a crash), the watchdog shuts HBase down cleanly with
 * {@code Admin.shutdown()} (hbase.md: exit in ~4 s, where SIGTERM takes ~25 s), so no orphan keeps the ports and data.
 *
 * <p>Arguments: the parent's pid. The child's classpath starts with the directory holding the generated
 * hbase-site.xml.
 */
public final class EmbeddedHBaseMain {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHBaseMain.class);
    private static final long POLL_MILLIS = 1000;
    private static final long EXIT_GRACE_MILLIS = 60_000;

    private EmbeddedHBaseMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: EmbeddedHBaseMain <parent pid>");
        }
        long parentPid = Long.parseLong(args[0]);
        Thread watchdog = new Thread(() -> watch(parentPid), "haechi-parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        HMaster.main(new String[] {"start"});
        // HMaster returns once master and region server have stopped. Exit explicitly: threads of the watchdog's
        // client connection would otherwise keep this JVM alive.
        System.exit(0);
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void watch(long parentPid) {
        try {
            int zookeeperPort = HBaseConfiguration.create().getInt("hbase.zookeeper.property.clientPort", 2181);
            boolean zookeeperSeen = false;
            while (ProcessHandle.of(parentPid).map(ProcessHandle::isAlive).orElse(false)) {
                boolean up = accepts(zookeeperPort);
                if (zookeeperSeen && !up) {
                    // Stopped by Admin.shutdown(): ZooKeeper goes last. Exit now, because the main thread may still
                    // wait in LocalHBaseCluster.startup() for a master that stopped before it finished initialising.
                    exitWhenDown("HBase is down; exiting");
                }
                zookeeperSeen |= up;
                Thread.sleep(POLL_MILLIS);
            }
            LOG.warn("Haechi process {} is gone without stopping HBase; shutting HBase down", parentPid);
            try (Connection connection = ConnectionFactory.createConnection(HBaseConfiguration.create());
                    Admin admin = connection.getAdmin()) {
                admin.shutdown();
            } catch (Exception e) {
                LOG.warn("Admin.shutdown() failed; exiting through the JVM's shutdown hooks", e);
                System.exit(1);
            }
            long deadline = System.currentTimeMillis() + EXIT_GRACE_MILLIS;
            while (System.currentTimeMillis() < deadline) {
                if (!accepts(zookeeperPort)) {
                    exitWhenDown("HBase is down; exiting");
                }
                Thread.sleep(250);
            }
            LOG.warn("HBase did not stop {} ms after Admin.shutdown(); exiting", EXIT_GRACE_MILLIS);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void exitWhenDown(String message) throws InterruptedException {
        Thread.sleep(500);
        LOG.info(message);
        System.exit(0);
    }
}
