package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.storage.hbase.testing.InProcessHBase;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hbase.TableName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StoreConfigTest {
    @Test
    void defaultsAreTheEmbeddedHBase() {
        StoreConfig config = new StoreConfig(Map.of());
        assertThat(config.isExternal()).isFalse();
        EmbeddedHBaseConfig embedded = config.embedded();
        assertThat(embedded.dataDir()).isEqualTo(Path.of("data").toAbsolutePath());
        assertThat(embedded.zookeeperPort()).isEqualTo(21810);
        assertThat(embedded.maxHeap()).isEqualTo("1g");
        assertThat(embedded.classpath()).isEmpty();
        assertThat(embedded.java()).isEmpty();
        assertThat(embedded.startTimeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void everyEmbeddedKeyIsMapped() {
        EmbeddedHBaseConfig embedded = new StoreConfig(Map.of(
                StoreConfig.EMBEDDED_DIR, "/var/lib/haechi",
                StoreConfig.EMBEDDED_ZOOKEEPER_PORT, "31000",
                StoreConfig.EMBEDDED_HEAP, "2g",
                StoreConfig.EMBEDDED_JAVA, "/opt/jdk17/bin/java",
                StoreConfig.EMBEDDED_CLASSPATH, "/opt/haechi/lib/*",
                StoreConfig.EMBEDDED_START_TIMEOUT, "30")).embedded();
        assertThat(embedded).isEqualTo(new EmbeddedHBaseConfig(Path.of("/var/lib/haechi"), 31000, "2g",
                Optional.of("/opt/haechi/lib/*"), Optional.of(Path.of("/opt/jdk17/bin/java")), Duration.ofSeconds(30),
                EmbeddedHBaseConfig.DEFAULT_STOP_TIMEOUT, Map.of()));
    }

    @Test
    void badSettingsNameTheKey() {
        assertThatThrownBy(() -> new StoreConfig(Map.of("haechi.hbase.embeded.dir", "x")))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("unknown store setting 'haechi.hbase.embeded.dir'");
        assertThatThrownBy(() -> new StoreConfig(Map.of(StoreConfig.EMBEDDED_HEAP, "lots")).embedded())
                .hasMessageContaining("maxHeap 'lots' is not a JVM heap size");
        assertThatThrownBy(() -> new StoreConfig(Map.of(StoreConfig.EMBEDDED_ZOOKEEPER_PORT, "70000")).embedded())
                .hasMessageContaining("zookeeperPort must be in 1..65535, got 70000");
    }

    @Test
    void quorumKeysPointAtAnExistingCluster() {
        Configuration running = InProcessHBase.shared().configuration();
        StoreConfig config = new StoreConfig(Map.of(
                "hbase.zookeeper.quorum", running.get("hbase.zookeeper.quorum"),
                "hbase.zookeeper.property.clientPort", running.get("hbase.zookeeper.property.clientPort"),
                "zookeeper.znode.parent", "/hbase",
                "unrelated.key", "ignored"));
        assertThat(config.isExternal()).isTrue();
        assertThat(config.externalConfiguration().get("unrelated.key")).isNull();
        try (HBaseCluster cluster = HBaseCluster.open(config)) {
            assertThat(cluster.embedded()).isEmpty();
            HBaseMetadataStore store = HBaseMetadataStore.open(cluster.connection(),
                    TableName.valueOf("haechi", "metadata_storeconfig"));
            assertThat(store.create(new io.haechi.model.spi.MetadataKey("project", "p", "p"), "{}").version())
                    .isEqualTo(1);
        }
    }

    @Test
    void unreachableClusterIsReportedWithItsAddress() {
        StoreConfig config = new StoreConfig(Map.of(
                "hbase.zookeeper.quorum", "127.0.0.1",
                "hbase.zookeeper.property.clientPort", "1",
                "hbase.client.retries.number", "1",
                "zookeeper.recovery.retry", "0",
                "hbase.client.operation.timeout", "3000"));
        assertThatThrownBy(() -> HBaseCluster.open(config))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.STORE_UNAVAILABLE))
                .hasMessageContaining("cannot reach HBase at 127.0.0.1 (client port 1, znode /hbase)");
    }

    @Test
    void java17IsFoundOrTheErrorSaysWhatToDo(@org.junit.jupiter.api.io.TempDir Path jvms) throws Exception {
        Path fake = jvms.resolve("jdk-17-fake");
        java.nio.file.Files.createDirectories(fake.resolve("bin"));
        java.nio.file.Files.writeString(fake.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"17.0.9\"\n");
        Path binary = java.nio.file.Files.createFile(fake.resolve("bin/java"));
        binary.toFile().setExecutable(true);
        Path newer = jvms.resolve("jdk-25");
        java.nio.file.Files.createDirectories(newer.resolve("bin"));
        java.nio.file.Files.writeString(newer.resolve("release"), "JAVA_VERSION=\"25\"\n");

        assertThat(JavaRuntimes.findUnder(jvms)).contains(binary);
        assertThat(JavaRuntimes.featureOf(newer.resolve("release"))).isEqualTo(25);
        assertThat(JavaRuntimes.findUnder(jvms.resolve("none"))).isEmpty();
        assertThatThrownBy(() -> JavaRuntimes.java17(Optional.of(jvms.resolve("missing")), jvms))
                .hasMessageContaining(StoreConfig.EMBEDDED_JAVA);
        // This JVM is Java 17 (the build requires it), so it is its own answer.
        assertThat(JavaRuntimes.java17(Optional.empty(), jvms))
                .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java"));
    }

    @Test
    void keyRangesCutAtRegionBoundaries() {
        KeyRange range = new KeyRange(new byte[] {2}, new byte[] {5});
        assertThat(range.intersect(new byte[0], new byte[] {3})).isEqualTo(new KeyRange(new byte[] {2}, new byte[] {3}));
        assertThat(range.intersect(new byte[] {5}, new byte[0])).isNull();
        assertThat(KeyRange.all().intersect(new byte[] {4}, new byte[0])).isEqualTo(new KeyRange(new byte[] {4},
                new byte[0]));
        assertThat(KeyRange.prefix(new byte[] {1, (byte) 0xFF})).isEqualTo(new KeyRange(new byte[] {1, (byte) 0xFF},
                new byte[] {2}));
        assertThat(KeyRange.prefix(new byte[] {(byte) 0xFF})).isEqualTo(new KeyRange(new byte[] {(byte) 0xFF},
                new byte[0]));
        assertThatThrownBy(() -> new KeyRange(new byte[] {3}, new byte[] {3})).hasMessageContaining("is not before");
        assertThat(HFileBulkLoader.evenSplits(List.of(new byte[] {1}, new byte[] {2}, new byte[] {3},
                new byte[] {4}), 2)).containsExactly(new byte[] {3});
    }
}
