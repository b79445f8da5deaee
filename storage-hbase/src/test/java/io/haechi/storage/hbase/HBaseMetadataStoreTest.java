package io.haechi.storage.hbase;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import io.haechi.model.spi.MetadataStoreContract;
import io.haechi.storage.hbase.testing.InProcessHBase;
import org.apache.hadoop.hbase.TableName;
import org.junit.jupiter.api.Test;

/** The metadata contract against the HBase store on the in-process HBase. */
class HBaseMetadataStoreTest extends MetadataStoreContract {
    private static final TableName TABLE = TableName.valueOf("haechi", "metadata_test");

    @Override
    protected MetadataStore store() {
        return HBaseMetadataStore.open(InProcessHBase.shared().connection(), TABLE);
    }

    @Test
    void twoStoreInstancesSeeEachOthersWritesAndConflicts() {
        MetadataStore first = HBaseMetadataStore.open(InProcessHBase.shared().connection(), TABLE);
        MetadataStore second = HBaseMetadataStore.open(InProcessHBase.shared().connection(), TABLE);
        MetadataKey key = new MetadataKey("job", "shared_project_" + System.nanoTime(), "j1");

        first.create(key, "{\"state\":\"RUNNING\"}");
        assertThat(second.get(key).orElseThrow().json()).isEqualTo("{\"state\":\"RUNNING\"}");
        second.update(key, "{\"state\":\"DONE\"}", 1);
        assertThat(first.get(key).orElseThrow().version()).isEqualTo(2);
    }
}
