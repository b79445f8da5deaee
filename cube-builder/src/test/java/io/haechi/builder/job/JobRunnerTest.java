package io.haechi.builder.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class JobRunnerTest {
    @TempDir
    Path jobsRoot;

    private final InMemoryJobRepository repository = new InMemoryJobRepository();
    private final List<String> executed = new ArrayList<>();

    private JobRunner runner() {
        return new JobRunner(repository, jobsRoot, Clock.systemUTC(), JobListener.NONE);
    }

    private Job newJob(String id) {
        Job job = Job.create(id, "BUILD", "p", "c", Map.of("from", "2026-01-01"), List.of("a", "b", "c"),
                Instant.parse("2026-01-01T00:00:00Z"));
        repository.create(job);
        return job;
    }

    private JobStep step(String name, Runnable body) {
        return new JobStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void run(StepContext context) {
                executed.add(name);
                body.run();
            }
        };
    }

    @Test
    void runsAllStepsInOrderAndMarksThemDone() {
        newJob("j1");
        Job done = runner().run("j1", List.of(step("a", () -> { }), step("b", () -> { }), step("c", () -> { })));
        assertThat(executed).containsExactly("a", "b", "c");
        assertThat(done.state()).isEqualTo(JobState.DONE);
        assertThat(done.steps()).allMatch(s -> s.state() == JobState.DONE && s.duration().isPresent());
        assertThat(repository.get("j1").orElseThrow()).isEqualTo(done);
        assertThat(Files.exists(jobsRoot.resolve("j1"))).isFalse();
    }

    @Test
    void resumesAFailedJobFromTheFailedStep() {
        newJob("j2");
        AtomicInteger attempts = new AtomicInteger();
        Runnable flaky = () -> {
            if (attempts.incrementAndGet() == 1) {
                throw new IllegalStateException("disk full");
            }
        };
        List<JobStep> steps = List.of(step("a", () -> { }), step("b", flaky), step("c", () -> { }));
        assertThatThrownBy(() -> runner().run("j2", steps)).hasMessageContaining("disk full");
        Job failed = repository.get("j2").orElseThrow();
        assertThat(failed.state()).isEqualTo(JobState.FAILED);
        assertThat(failed.step("a").state()).isEqualTo(JobState.DONE);
        assertThat(failed.step("b").state()).isEqualTo(JobState.FAILED);
        assertThat(failed.step("b").message()).contains("disk full");
        assertThat(failed.step("c").state()).isEqualTo(JobState.PENDING);

        Job done = runner().run("j2", steps);
        assertThat(executed).containsExactly("a", "b", "b", "c");
        assertThat(done.state()).isEqualTo(JobState.DONE);
    }

    @Test
    void takesOverAJobWhoseRunnerDied() throws Exception {
        Job job = newJob("j3");
        Process dead = new ProcessBuilder("true").start();
        dead.waitFor();
        Job orphan = job.withStep(job.step("a").ended(JobState.DONE, Instant.now(), ""))
                .withState(JobState.RUNNING, OptionalLong.of(dead.pid()));
        repository.update(job, orphan);
        assertThat(repository.get("j3").orElseThrow().isOrphaned()).isTrue();

        runner().run("j3", List.of(step("a", () -> { }), step("b", () -> { }), step("c", () -> { })));
        assertThat(executed).containsExactly("b", "c");
    }

    @Test
    void refusesToRunAJobThatALiveProcessRuns() {
        Job job = newJob("j4");
        repository.update(job, job.withState(JobState.RUNNING, OptionalLong.of(ProcessHandle.current().pid())));
        assertThatThrownBy(() -> runner().run("j4", List.of(step("a", () -> { }), step("b", () -> { }),
                step("c", () -> { }))))
                .isInstanceOf(HaechiException.class)
                .satisfies(e -> assertThat(((HaechiException) e).errorCode()).isEqualTo(ErrorCode.JOB_STATE_CONFLICT))
                .hasMessageContaining("already running");
        assertThat(executed).isEmpty();
    }

    @Test
    @Timeout(20)
    void cancelStopsARunningStepAndTheJobCanResume() throws Exception {
        newJob("j5");
        CountDownLatch inside = new CountDownLatch(1);
        JobStep looping = new JobStep() {
            @Override
            public String name() {
                return "b";
            }

            @Override
            public void run(StepContext context) throws InterruptedException {
                inside.countDown();
                for (int i = 0; i < 10_000; i++) {
                    context.progress(i / 10_000.0, "row " + i);
                    context.checkCancelled();
                    Thread.sleep(5);
                }
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                inside.await();
                Thread.sleep(300);
                runner().cancel("j5");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        canceller.start();
        assertThatThrownBy(() -> runner().run("j5", List.of(step("a", () -> { }), looping, step("c", () -> { }))))
                .hasMessageContaining("cancelled");
        canceller.join();
        Job cancelled = repository.get("j5").orElseThrow();
        assertThat(cancelled.state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.step("b").state()).isEqualTo(JobState.CANCELLED);
        assertThat(cancelled.step("c").state()).isEqualTo(JobState.PENDING);
    }

    @Test
    void discardRunsTheCleanupAndIsFinal() {
        newJob("j6");
        assertThatThrownBy(() -> runner().run("j6", List.of(step("a", () -> {
            throw new IllegalStateException("boom");
        }), step("b", () -> { }), step("c", () -> { })))).hasMessageContaining("boom");
        AtomicInteger cleaned = new AtomicInteger();
        Job discarded = runner().discard("j6", cleaned::incrementAndGet);
        assertThat(cleaned).hasValue(1);
        assertThat(discarded.state()).isEqualTo(JobState.DISCARDED);
        assertThatThrownBy(() -> runner().run("j6", List.of(step("a", () -> { }), step("b", () -> { }),
                step("c", () -> { })))).hasMessageContaining("nothing to resume");
    }

    @Test
    void unknownJobIsAClearError() {
        assertThatThrownBy(() -> runner().run("nope", List.of()))
                .isInstanceOf(HaechiException.class)
                .hasMessageContaining("there is no job 'nope'");
    }
}
