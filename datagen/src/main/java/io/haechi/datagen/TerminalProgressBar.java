package io.haechi.datagen;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar redrawn in place with carriage returns: percent, rows, rows/s and ETA. It redraws at
 * most five times a second; at the end it prints the report's per-table summary.
 */
public final class TerminalProgressBar implements ProgressListener {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintStream out;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong lastDraw = new AtomicLong();
    private volatile long expected;
    private volatile long startNanos;
    private volatile String generator = "";

    public TerminalProgressBar(PrintStream out) {
        this.out = requireNonNull(out, "out is null");
    }

    @Override
    public void started(String generator, long expectedRows) {
        this.generator = requireNonNull(generator, "generator is null");
        this.expected = Math.max(expectedRows, 0);
        this.startNanos = System.nanoTime();
        rows.set(0);
        lastDraw.set(startNanos);
        draw(0, startNanos);
    }

    @Override
    public void rowsWritten(String table, long count) {
        long total = rows.addAndGet(count);
        long now = System.nanoTime();
        long last = lastDraw.get();
        if (now - last >= REDRAW_NANOS && lastDraw.compareAndSet(last, now)) {
            draw(total, now);
        }
    }

    @Override
    public void finished(GenerationReport report) {
        synchronized (out) {
            draw(rows.get(), System.nanoTime());
            out.println();
            out.println(report.summary());
            out.flush();
        }
    }

    private void draw(long done, long now) {
        double seconds = Math.max(now - startNanos, 1) / 1e9;
        double rate = done / seconds;
        double fraction = expected > 0 ? Math.min(1.0, (double) done / expected) : 0;
        int filled = (int) (fraction * WIDTH);
        String eta = rate > 0 && expected > done ? formatSeconds((expected - done) / rate) : "--:--";
        String line = String.format(Locale.ROOT, "\r%s [%s%s] %5.1f%% %,d/%,d rows %,.0f rows/s ETA %s ",
                generator, "#".repeat(filled), " ".repeat(WIDTH - filled), fraction * 100, done, expected, rate, eta);
        synchronized (out) {
            out.print(line);
            out.flush();
        }
    }

    private static String formatSeconds(double seconds) {
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%02d:%02d", s / 60, s % 60);
    }
}
