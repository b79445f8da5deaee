package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CubeStoreOptionsTest {
    @Test
    void embeddedStagesUnderItsDataDirectory() {
        CubeStoreOptions options = CubeStoreOptions.from(new StoreConfig(Map.of(StoreConfig.EMBEDDED_DIR,
                "/var/lib/haechi", StoreConfig.MAX_GROUPS, "1000")));
        assertThat(options.stagingRoot()).isEqualTo(Path.of("/var/lib/haechi/staging").toUri().toString());
        assertThat(options.maxGroups()).isEqualTo(1000);
        assertThat(options.namespace()).isEqualTo("haechi");
        assertThat(CubeStoreOptions.from(new StoreConfig(Map.of())).maxGroups())
                .isEqualTo(CubeStoreOptions.DEFAULT_MAX_GROUPS);
    }

    @Test
    void aClusterNeedsAStagingDirectory() {
        assertThatThrownBy(() -> CubeStoreOptions.from(new StoreConfig(Map.of(StoreConfig.QUORUM, "zk1"))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining(StoreConfig.STAGING_DIR + " is not set");
        assertThat(CubeStoreOptions.from(new StoreConfig(Map.of(StoreConfig.QUORUM, "zk1", StoreConfig.STAGING_DIR,
                "hdfs:///tmp/haechi"))).stagingRoot()).isEqualTo("hdfs:///tmp/haechi");
        assertThatThrownBy(() -> CubeStoreOptions.from(new StoreConfig(Map.of(StoreConfig.MAX_GROUPS, "0"))))
                .hasMessageContaining(StoreConfig.MAX_GROUPS + " must be a positive number, got '0'");
        assertThatThrownBy(() -> CubeStoreOptions.defaults("/tmp").withScanParallelism(0))
                .hasMessageContaining("scanParallelism must be at least 1");
    }
}
