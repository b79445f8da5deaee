package io.haechi.builder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.InMemoryMetadataStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataJobRepositoryTest {
    @TempDir
    java.nio.file.Path dir;

    private final MetadataJobRepository repository = new MetadataJobRepository(new InMemoryMetadataStore());

    @Test
    void jobsRoundTripThroughJsonAndRunToTheEnd() {
        Job job = Job.create("ads.build-1", "BUILD", "ads", "ad_events", Map.of("from", "2024-01-01"),
                List.of("one", "two"), Instant.parse("2024-01-01T00:00:00Z"));
        repository.create(job);
        assertThat(repository.get("ads.build-1")).contains(job);
        JobRunner runner = new JobRunner(repository, dir, Clock.systemUTC(), JobListener.NONE);
        JobStep noop1 = new JobStep() {
            public String name() {
                return "one";
            }

            public void run(StepContext c) {
                c.progress(0.5, "half");
            }
        };
        JobStep noop2 = new JobStep() {
            public String name() {
                return "two";
            }

            public void run(StepContext c) {
            }
        };
        Job done = runner.run("ads.build-1", List.of(noop1, noop2));
        assertThat(repository.get("ads.build-1")).contains(done);
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(repository.list("ads")).containsExactly(done);
    }

    @Test
    void aStaleUpdateIsAConflict() {
        Job job = Job.create("p.j", "BUILD", "p", "c", Map.of(), List.of("a"), Instant.now());
        repository.create(job);
        Job running = job.withState(JobState.RUNNING, java.util.OptionalLong.of(1));
        repository.update(job, running);
        assertThatThrownBy(() -> repository.update(job, job.withState(JobState.CANCELLED,
                java.util.OptionalLong.empty())))
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.METADATA_CONFLICT));
    }

    @Test
    void anIdWithoutAProjectIsRefused() {
        assertThatThrownBy(() -> repository.get("nodot")).hasMessageContaining("PROJECT.NAME");
    }
}
