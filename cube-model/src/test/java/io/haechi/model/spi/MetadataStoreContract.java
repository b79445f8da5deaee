package io.haechi.model.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The behaviour every {@link MetadataStore} must show. A subclass supplies the store; each test works in a project of
 * its own, so one store may serve all tests.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class MetadataStoreContract {
    protected abstract MetadataStore store();

    private final String project = "p_" + UUID.randomUUID().toString().replace("-", "");

    private MetadataKey cube(String name) {
        return new MetadataKey("cube", project, name);
    }

    @Test
    public void createThenGetReturnsVersionOne() {
        MetadataDocument created = store().create(cube("sales"), "{\"a\":1}");

        assertThat(created).isEqualTo(new MetadataDocument("cube", project, "sales", 1, "{\"a\":1}"));
        assertThat(store().get(cube("sales"))).contains(created);
        assertThat(store().get(cube("other"))).isEmpty();
    }

    @Test
    public void createOfExistingDocumentConflicts() {
        store().create(cube("sales"), "{}");

        assertThatThrownBy(() -> store().create(cube("sales"), "{\"b\":2}"))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT))
                .hasMessage("cube 'sales' in project '" + project + "' already exists (version 1)");
        assertThat(store().get(cube("sales")).orElseThrow().json()).isEqualTo("{}");
    }

    @Test
    public void updateBumpsVersionAndStaleUpdateConflicts() {
        store().create(cube("sales"), "v1");
        store().update(cube("sales"), "v2", 1);
        store().update(cube("sales"), "v3", 2);
        MetadataDocument v4 = store().update(cube("sales"), "v4", 3);
        assertThat(v4.version()).isEqualTo(4);

        assertThatThrownBy(() -> store().update(cube("sales"), "stale", 3))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT))
                .hasMessage("cube 'sales' in project '" + project
                        + "' was changed by someone else: expected version 3, found 4");
        assertThat(store().get(cube("sales"))).contains(v4);
    }

    @Test
    public void updateOrDeleteOfMissingDocumentIsNotFound() {
        assertThatThrownBy(() -> store().update(cube("ghost"), "x", 1))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_NOT_FOUND))
                .hasMessageContaining("cube 'ghost' in project '" + project + "' does not exist");
        assertThatThrownBy(() -> store().delete(cube("ghost"), 1))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_NOT_FOUND));
    }

    @Test
    public void deleteChecksVersionThenRemoves() {
        store().create(cube("sales"), "v1");
        store().update(cube("sales"), "v2", 1);

        assertThatThrownBy(() -> store().delete(cube("sales"), 1))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT))
                .hasMessageContaining("expected version 1, found 2");
        assertThat(store().get(cube("sales"))).isPresent();

        store().delete(cube("sales"), 2);
        assertThat(store().get(cube("sales"))).isEmpty();
        assertThat(store().create(cube("sales"), "again").version()).isEqualTo(1);
    }

    @Test
    public void listFiltersByKindAndProjectAndSortsByName() {
        String otherProject = project + "_other";
        store().create(cube("b"), "cb");
        store().create(cube("a"), "ca");
        store().create(cube("c_d"), "ccd");
        store().create(new MetadataKey("cubex", project, "z"), "kind sharing a prefix");
        store().create(new MetadataKey("model", project, "a"), "ma");
        store().create(new MetadataKey("cube", otherProject, "a"), "other");

        assertThat(store().list("cube", project)).extracting(MetadataDocument::name, MetadataDocument::json)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("a", "ca"),
                        org.assertj.core.api.Assertions.tuple("b", "cb"),
                        org.assertj.core.api.Assertions.tuple("c_d", "ccd"));
        assertThat(store().list("model", project)).extracting(MetadataDocument::json).containsExactly("ma");
        assertThat(store().list("job", project)).isEmpty();
        assertThat(store().projects()).contains(project, otherProject);
    }

    @Test
    public void commitAppliesAllChangesAtomically() {
        MetadataDocument segment = store().create(new MetadataKey("segment", project, "s1"), "BUILDING");
        MetadataDocument job = store().create(new MetadataKey("job", project, "j1"), "RUNNING");
        store().create(cube("gone"), "x");

        List<MetadataDocument> written = store().commit(List.of(
                new MetadataChange.Update(segment.key(), "READY", 1),
                new MetadataChange.Update(job.key(), "DONE", 1),
                new MetadataChange.Create(cube("new"), "n"),
                new MetadataChange.Delete(cube("gone"), 1)));

        assertThat(written).extracting(MetadataDocument::name, MetadataDocument::version)
                .containsExactly(
                        org.assertj.core.api.Assertions.tuple("s1", 2L),
                        org.assertj.core.api.Assertions.tuple("j1", 2L),
                        org.assertj.core.api.Assertions.tuple("new", 1L));
        assertThat(store().get(segment.key()).orElseThrow().json()).isEqualTo("READY");
        assertThat(store().get(job.key()).orElseThrow().json()).isEqualTo("DONE");
        assertThat(store().get(cube("gone"))).isEmpty();
    }

    @Test
    public void commitWithOneStaleChangeAppliesNothing() {
        MetadataDocument segment = store().create(new MetadataKey("segment", project, "s1"), "BUILDING");
        MetadataDocument job = store().create(new MetadataKey("job", project, "j1"), "RUNNING");
        store().update(job.key(), "CANCELLED", 1);

        assertThatThrownBy(() -> store().commit(List.of(
                new MetadataChange.Update(segment.key(), "READY", 1),
                new MetadataChange.Create(cube("new"), "n"),
                new MetadataChange.Update(job.key(), "DONE", 1))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT))
                .hasMessage("job 'j1' in project '" + project
                        + "' was changed by someone else: expected version 1, found 2");

        assertThat(store().get(segment.key())).contains(segment);
        assertThat(store().get(cube("new"))).isEmpty();
    }

    @Test
    public void commitAcrossProjectsOrTwiceTheSameKeyIsRejected() {
        assertThatThrownBy(() -> store().commit(List.of(
                new MetadataChange.Create(cube("a"), "a"),
                new MetadataChange.Create(new MetadataKey("cube", project + "_2", "b"), "b"))))
                .isInstanceOfSatisfying(HaechiException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("must stay in one project");
        assertThatThrownBy(() -> store().commit(List.of(
                new MetadataChange.Create(cube("a"), "a"),
                new MetadataChange.Delete(cube("a"), 1))))
                .hasMessageContaining("changes cube 'a' in project '" + project + "' twice");
        assertThat(store().get(cube("a"))).isEmpty();
    }

    @Test
    public void racingWritersFromTheSameVersionExactlyOneWins() throws Exception {
        store().create(cube("hot"), "v1");
        int writers = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                String json = "writer-" + i;
                Callable<Boolean> write = () -> {
                    start.await();
                    try {
                        store().update(cube("hot"), json, 1);
                        return true;
                    } catch (HaechiException e) {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT);
                        assertThat(e.getMessage()).contains("expected version 1, found 2");
                        return false;
                    }
                };
                results.add(pool.submit(write));
            }
            start.countDown();
            List<String> winners = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                if (results.get(i).get(30, TimeUnit.SECONDS)) {
                    winners.add("writer-" + i);
                }
            }
            assertThat(winners).hasSize(1);
            MetadataDocument stored = store().get(cube("hot")).orElseThrow();
            assertThat(stored.version()).isEqualTo(2);
            assertThat(stored.json()).isEqualTo(winners.get(0));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void racingCommitsOnDifferentDocumentsOfOneProjectAllSucceed() throws Exception {
        int writers = 4;
        for (int i = 0; i < writers; i++) {
            store().create(cube("c" + i), "v1");
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            List<Future<MetadataDocument>> results = new ArrayList<>();
            for (int i = 0; i < writers; i++) {
                MetadataKey key = cube("c" + i);
                results.add(pool.submit(() -> {
                    start.await();
                    return store().update(key, "v2", 1);
                }));
            }
            start.countDown();
            for (Future<MetadataDocument> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).version()).isEqualTo(2);
            }
            assertThat(store().list("cube", project)).extracting(MetadataDocument::json)
                    .containsOnly("v2").hasSize(writers);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    public void largeAndUnicodeDocumentsRoundTrip() {
        String json = "{\"name\":\"광고 큐브 ✓\",\"pad\":\"" + "x".repeat(200_000) + "\"}";
        MetadataKey key = new MetadataKey("cube", project, "광고");
        store().create(key, json);
        assertThat(store().get(key).orElseThrow().json()).isEqualTo(json);
    }
}
