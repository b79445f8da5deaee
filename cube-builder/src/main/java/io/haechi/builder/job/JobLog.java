package io.haechi.builder.job;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The logs of jobs, one text file per job ({@code <dir>/<job id>.log}), kept after the job ends (its work directory
 * is not). Each line is {@code time TAB step TAB level TAB message}; a message of several lines is written as several
 * lines. {@link #listener()} writes a job's transitions: starts, skips and ends of steps, its progress notes at most
 * every {@value #PROGRESS_INTERVAL_SECONDS} seconds per step (the last one with the step's end), and how the job
 * ended (a failure with its message).
 */
public final class JobLog {
    static final long PROGRESS_INTERVAL_SECONDS = 5;
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9._-]{1,200}");

    /** How much a line matters. */
    public enum Level {
        INFO, WARN, ERROR
    }

    /** One line of a job's log; {@code step} is empty for lines about the job as a whole. */
    public record Line(Instant time, String step, Level level, String message) {
        public Line {
            requireNonNull(time, "time is null");
            requireNonNull(step, "step is null");
            requireNonNull(level, "level is null");
            requireNonNull(message, "message is null");
        }
    }

    private final Path dir;
    private final Clock clock;
    private final Map<String, Long> lastProgress = new ConcurrentHashMap<>();
    private final Map<String, String> lastNote = new ConcurrentHashMap<>();

    public JobLog(Path dir, Clock clock) {
        this.dir = requireNonNull(dir, "dir is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    private Path file(String jobId) {
        if (!SAFE_ID.matcher(jobId).matches() || jobId.startsWith(".")) {
            throw new IllegalArgumentException("'" + jobId + "' is not a job id");
        }
        return dir.resolve(jobId + ".log");
    }

    /** Appends a line (several, if the message has line breaks). */
    public synchronized void append(String jobId, String step, Level level, String message) {
        Path file = file(jobId);
        StringBuilder sb = new StringBuilder();
        String time = clock.instant().toString();
        for (String line : message.split("\\R", -1)) {
            sb.append(time).append('\t').append(step.replace('\t', ' ')).append('\t').append(level).append('\t')
                    .append(line.replace('\t', ' ')).append('\n');
        }
        try {
            Files.createDirectories(dir);
            Files.writeString(file, sb, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the log of job " + jobId + " to " + file, e);
        }
    }

    /** Every line of a job's log, oldest first; empty when it has none. */
    public List<Line> read(String jobId) {
        List<String> text;
        try {
            text = Files.readAllLines(file(jobId), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the log of job " + jobId, e);
        }
        List<Line> out = new ArrayList<>();
        for (String t : text) {
            String[] f = t.split("\t", 4);
            if (f.length == 4) {
                out.add(new Line(Instant.parse(f[0]), f[1], Level.valueOf(f[2]), f[3]));
            }
        }
        return out;
    }

    /** Writes the transitions of every job it hears about. */
    public JobListener listener() {
        return new JobListener() {
            @Override
            public void jobStarted(Job job) {
                append(job.id(), "", Level.INFO, "job started in process " + ProcessHandle.current().pid() + " ("
                        + job.steps().stream().filter(s -> s.state() == JobState.DONE).count() + " of "
                        + job.steps().size() + " steps already done)");
            }

            @Override
            public void stepSkipped(Job job, StepRecord step) {
                append(job.id(), step.name(), Level.INFO, "already done in an earlier run; skipped");
            }

            @Override
            public void stepStarted(Job job, StepRecord step) {
                lastProgress.put(job.id() + "/" + step.name(), System.nanoTime());
                append(job.id(), step.name(), Level.INFO, "started");
            }

            @Override
            public void stepProgress(Job job, StepRecord step) {
                String key = job.id() + "/" + step.name();
                if (!step.message().isEmpty()) {
                    lastNote.put(key, step.message());
                }
                long now = System.nanoTime();
                Long last = lastProgress.get(key);
                if (step.message().isEmpty() || (last != null
                        && now - last < Duration.ofSeconds(PROGRESS_INTERVAL_SECONDS).toNanos())) {
                    return;
                }
                lastProgress.put(key, now);
                append(job.id(), step.name(), Level.INFO, String.format(Locale.ROOT, "%.0f%%: %s",
                        step.progress() * 100, step.message()));
            }

            @Override
            public void stepEnded(Job job, StepRecord step) {
                String key = job.id() + "/" + step.name();
                lastProgress.remove(key);
                String note = lastNote.remove(key);
                append(job.id(), step.name(), Level.INFO, "done" + step.duration().map(d -> String.format(
                        Locale.ROOT, " in %.1f s", d.toMillis() / 1000.0)).orElse("") + (note == null ? ""
                        : ": " + note));
            }

            @Override
            public void jobEnded(Job job) {
                lastProgress.keySet().removeIf(k -> k.startsWith(job.id() + "/"));
                lastNote.keySet().removeIf(k -> k.startsWith(job.id() + "/"));
                StepRecord last = job.steps().stream().filter(s -> s.state() == job.state()).reduce((a, b) -> b)
                        .orElse(job.steps().get(job.steps().size() - 1));
                switch (job.state()) {
                    case DONE -> append(job.id(), "", Level.INFO, "job done");
                    case FAILED -> append(job.id(), last.name(), Level.ERROR, "failed: " + last.message());
                    case CANCELLED -> append(job.id(), last.name(), Level.WARN, "cancelled; resume or discard the "
                            + "job");
                    default -> append(job.id(), "", Level.INFO, "job ended " + job.state());
                }
            }
        };
    }
}
