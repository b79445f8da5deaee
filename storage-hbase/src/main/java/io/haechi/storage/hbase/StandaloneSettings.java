package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hbase-site keys of a single-machine HBase (hbase.md section 2a): loopback only, no web UIs, random master and
 * region server ports, fast start-up, Haechi's aggregation observer on every region. Shared by the embedded child JVM
 * and the in-process test cluster so that both behave alike.
 */
public final class StandaloneSettings {
    private StandaloneSettings() {
    }

    /** The settings for data under {@code dataDir} with ZooKeeper on {@code zookeeperPort}. */
    public static Map<String, String> forDirectory(Path dataDir, int zookeeperPort) {
        requireNonNull(dataDir, "dataDir is null");
        Path dir = dataDir.toAbsolutePath().normalize();
        Map<String, String> site = new LinkedHashMap<>();
        site.put("hbase.cluster.distributed", "false");
        site.put("hbase.rootdir", dir.resolve("hbase").toUri().toString());
        site.put("hbase.tmp.dir", dir.resolve("tmp").toString());
        site.put("hbase.zookeeper.property.dataDir", dir.resolve("zk").toString());
        site.put("hbase.zookeeper.quorum", "127.0.0.1");
        site.put("hbase.zookeeper.property.clientPort", Integer.toString(zookeeperPort));
        site.put("hbase.master.ipc.address", "127.0.0.1");
        site.put("hbase.regionserver.ipc.address", "127.0.0.1");
        site.put("hbase.master.hostname", "localhost");
        site.put("hbase.unsafe.regionserver.hostname", "localhost");
        site.put("hbase.master.info.port", "-1");
        site.put("hbase.regionserver.info.port", "-1");
        site.put("hbase.localcluster.assign.random.ports", "true");
        site.put("hbase.master.wait.on.regionservers.mintostart", "1");
        site.put("hbase.master.wait.on.regionservers.maxtostart", "1");
        site.put("hbase.regionserver.msginterval", "500");
        site.put("hbase.unsafe.stream.capability.enforce", "false");
        // Permissions without forking chmod per bulk-loaded HFile (see NioLocalFileSystem).
        site.put("fs.file.impl", NioLocalFileSystem.class.getName());
        // Segment tables are pre-split by the build and written once; they also carry the policy themselves
        // (HBaseTables.create), this covers tables created before that.
        site.put("hbase.regionserver.region.split.policy", HBaseTables.DISABLED_SPLITS);
        // Loaded for all regions: no per-table deployment (architecture.md, Storage).
        site.put("hbase.coprocessor.region.classes", HaechiAggregationObserver.class.getName());
        return site;
    }

    /** Writes {@code settings} as a Hadoop configuration file. */
    public static void writeSiteXml(Map<String, String> settings, Path file) throws IOException {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\"?>\n")
                .append("<!-- Written by Haechi on every start of the embedded HBase; edits are overwritten. -->\n")
                .append("<configuration>\n");
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            xml.append("  <property><name>").append(escape(entry.getKey())).append("</name><value>")
                    .append(escape(entry.getValue())).append("</value></property>\n");
        }
        xml.append("</configuration>\n");
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(xml.toString());
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
