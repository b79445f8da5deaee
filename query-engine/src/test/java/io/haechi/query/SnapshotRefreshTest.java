package io.haechi.query;

import static org.assertj.core.api.Assertions.assertThat;

import io.haechi.model.catalog.Catalog;
import io.haechi.model.json.JsonDescriptors;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.InMemoryMetadataStore;
import io.haechi.model.spi.MetadataChange;
import io.haechi.model.spi.MetadataDocument;
import io.haechi.model.spi.MetadataKey;
import io.haechi.model.spi.MetadataStore;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentWriter;
import io.haechi.query.meta.ProjectSnapshot;
import io.haechi.query.rewrite.CubeRewriter;
import io.haechi.query.schema.RawTableSource;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The metadata snapshot is re-read in the background once it is older than the refresh interval: statements keep
 * the snapshot they have instead of waiting for the catalog, a change made elsewhere shows up shortly after, and
 * {@link HaechiEngine#refresh} still makes the very next statement read the catalog.
 */
class SnapshotRefreshTest {
    private static final CubeStore NO_STORE = new CubeStore() {
        @Override
        public SegmentWriter createSegment(SegmentLayout layout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean segmentExists(String storageId) {
            return false;
        }

        @Override
        public void dropSegment(String storageId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public ScanResult scan(CuboidScanRequest request) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    private static void addTable(Catalog catalog, String name) {
        String json = """
                {"kind": "table", "schemaVersion": 1, "name": "%s", "location": "/nowhere/%s", "format": "csv",
                 "columns": [{"name": "id", "type": "INT", "nullable": false}]}
                """.formatted(name, name);
        catalog.apply(catalog.plan("p", JsonDescriptors.readAll(json, name + ".json")), false);
    }

    /** The in-memory store, whose reads wait while {@link #closed} is set (a slow catalog). */
    private static final class GatedStore implements MetadataStore {
        final InMemoryMetadataStore inner = new InMemoryMetadataStore();
        volatile CountDownLatch closed = new CountDownLatch(0);
        final AtomicInteger reads = new AtomicInteger();

        private void pass() {
            reads.incrementAndGet();
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public Optional<MetadataDocument> get(MetadataKey key) {
            pass();
            return inner.get(key);
        }

        @Override
        public List<MetadataDocument> list(String kind, String project) {
            pass();
            return inner.list(kind, project);
        }

        @Override
        public List<String> projects() {
            return inner.projects();
        }

        @Override
        public List<MetadataDocument> commit(List<MetadataChange> changes) {
            return inner.commit(changes);
        }
    }

    @Test
    void staleSnapshotsAreServedWhileTheyAreReadAgainInTheBackground() throws Exception {
        GatedStore store = new GatedStore();
        Catalog catalog = new Catalog(store);
        addTable(catalog, "a");
        HaechiEngine engine = new HaechiEngine(catalog, NO_STORE, RawTableSource.NONE,
                new QuerySettings(CubeRewriter.OnNoRealization.ERROR, Duration.ofMillis(50), 10, 0));
        ProjectSnapshot first = engine.snapshot("p");
        assertThat(first.table("a")).isPresent();

        // The catalog changes and becomes slow (every read blocks).
        addTable(catalog, "b");
        store.closed = new CountDownLatch(1);
        Thread.sleep(120);
        int before = store.reads.get();
        // Past the interval: the old snapshot at once, although the catalog read (started now) cannot finish.
        long t0 = System.nanoTime();
        for (int i = 0; i < 100; i++) {
            assertThat(engine.snapshot("p")).isSameAs(first);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (store.reads.get() == before && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(store.reads.get()).as("one background read started").isGreaterThan(before);
        // The catalog answers again: the new table shows up shortly after.
        store.closed.countDown();
        while (engine.snapshot("p").table("b").isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(engine.snapshot("p").table("b")).isPresent();

        // refresh(): the next statement reads the catalog itself.
        addTable(catalog, "c");
        engine.refresh("p");
        assertThat(engine.snapshot("p").table("c")).isPresent();
    }
}
