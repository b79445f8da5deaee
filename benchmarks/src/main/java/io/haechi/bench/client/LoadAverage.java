package io.haechi.bench.client;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Samples the 1-minute load average ({@code /proc/loadavg}) every few seconds while a phase runs: the machine is
 * shared, so the report says how busy it was.
 */
public final class LoadAverage implements AutoCloseable {
    private final List<Double> samples = new ArrayList<>();
    private final Thread thread;
    private volatile boolean stop;

    private LoadAverage(long periodMillis) {
        thread = new Thread(() -> {
            while (!stop) {
                sample();
                try {
                    Thread.sleep(periodMillis);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "load-average");
        thread.setDaemon(true);
    }

    public static LoadAverage start() {
        LoadAverage l = new LoadAverage(5_000);
        l.thread.start();
        return l;
    }

    /** The current 1-minute load average, or -1 where there is no {@code /proc/loadavg}. */
    public static double now() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private synchronized void sample() {
        double v = now();
        if (v >= 0) {
            samples.add(v);
        }
    }

    /** {@code min}, {@code mean}, {@code max} and {@code samples} of what was seen. */
    public synchronized Map<String, Object> summary() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", samples.stream().mapToDouble(Double::doubleValue).min().orElse(-1));
        m.put("mean", samples.stream().mapToDouble(Double::doubleValue).average().orElse(-1));
        m.put("max", samples.stream().mapToDouble(Double::doubleValue).max().orElse(-1));
        m.put("samples", samples.size());
        return m;
    }

    @Override
    public void close() {
        stop = true;
        thread.interrupt();
        sample();
    }
}
