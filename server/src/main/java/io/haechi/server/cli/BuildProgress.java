package io.haechi.server.cli;

import io.haechi.builder.job.Job;
import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.StepRecord;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Prints a build's progress: one line per step start and end, and on a terminal a bar redrawn in place with the
 * step's note (rows processed, ETA).
 */
final class BuildProgress implements JobListener {
    private final PrintWriter out;
    private final boolean terminal;
    private long lastDraw;

    private BuildProgress(PrintWriter out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    static BuildProgress forTerminal(PrintWriter out) {
        return new BuildProgress(out, System.console() != null);
    }

    @Override
    public void stepSkipped(Job job, StepRecord step) {
        out.printf(Locale.ROOT, "  %-16s already done%n", step.name());
        out.flush();
    }

    @Override
    public void stepStarted(Job job, StepRecord step) {
        out.printf(Locale.ROOT, "  %-16s started%n", step.name());
        out.flush();
    }

    @Override
    public synchronized void stepProgress(Job job, StepRecord step) {
        long now = System.nanoTime();
        if (!terminal || now - lastDraw < 200_000_000L) {
            return;
        }
        lastDraw = now;
        int width = 30;
        int filled = (int) Math.round(step.progress() * width);
        out.printf(Locale.ROOT, "\r  %-16s [%s%s] %3.0f%% %s\u001b[K", step.name(), "#".repeat(filled),
                " ".repeat(width - filled), step.progress() * 100, step.message());
        out.flush();
    }

    @Override
    public void stepEnded(Job job, StepRecord step) {
        out.printf(Locale.ROOT, "%s  %-16s done in %s%n", terminal ? "\r\u001b[K" : "", step.name(),
                step.duration().map(JobsCommand::seconds).orElse("?"));
        out.flush();
    }
}
