package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The mixed dashboard workload: {@code threads} clients, each with its own connections and prepared statements,
 * running shapes picked at random with fresh random literals (result cache off on the server), back to back for a
 * warm-up and then a measured period. Reports QPS, latency percentiles and errors by SQLState.
 */
public final class LoadTest {
    /** A query shape of the mix and the project it runs on. */
    public record Shape(String project, BenchQuery query) {
    }

    private LoadTest() {
    }

    public static Map<String, Object> run(List<Shape> shapes, int threads, long warmupMillis, long measureMillis)
            throws InterruptedException {
        long[][] latencies = new long[threads][];
        int[] counts = new int[threads];
        Map<String, Long> errors = new TreeMap<>();
        AtomicReference<String> firstError = new AtomicReference<>();
        // [measured from, end], set by the barrier's action once every client is connected and prepared
        long[] window = new long[2];
        CyclicBarrier start = new CyclicBarrier(threads + 1, () -> {
            long now = System.nanoTime();
            window[0] = now + TimeUnit.MILLISECONDS.toNanos(warmupMillis);
            window[1] = window[0] + TimeUnit.MILLISECONDS.toNanos(measureMillis);
        });
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread w = new Thread(() -> {
                Map<String, Connection> connections = new HashMap<>();
                List<PreparedStatement> statements = new ArrayList<>();
                long[] mine = new long[1 << 12];
                int n = 0;
                Map<String, Long> myErrors = new HashMap<>();
                boolean ready = false;
                try {
                    for (Shape s : shapes) {
                        Connection c = connections.get(s.project());
                        if (c == null) {
                            c = Engines.haechi(s.project());
                            connections.put(s.project(), c);
                        }
                        statements.add(c.prepareStatement(s.query().sql()));
                    }
                    ready = true;
                } catch (SQLException | RuntimeException e) {
                    myErrors.merge("setup", 1L, Long::sum);
                    firstError.compareAndSet(null, "setup: " + e);
                }
                try {
                    start.await();
                    SplittableRandom random = new SplittableRandom(Target.SEED + id);
                    long measureFrom = window[0];
                    long end = window[1];
                    for (long now = System.nanoTime(); ready && now < end; now = System.nanoTime()) {
                        int k = random.nextInt(shapes.size());
                        PreparedStatement ps = statements.get(k);
                        long t0 = System.nanoTime();
                        try {
                            Engines.bind(ps, shapes.get(k).query().draw().apply(random));
                            try (ResultSet rs = ps.executeQuery()) {
                                Engines.consume(rs);
                            }
                        } catch (SQLException e) {
                            if (t0 >= measureFrom) {
                                myErrors.merge(String.valueOf(e.getSQLState()), 1L, Long::sum);
                                firstError.compareAndSet(null, e.getSQLState() + ": " + e.getMessage());
                            }
                            continue;
                        }
                        long t1 = System.nanoTime();
                        if (t0 >= measureFrom && t1 <= end) {
                            if (n == mine.length) {
                                mine = Arrays.copyOf(mine, n * 2);
                            }
                            mine[n++] = t1 - t0;
                        }
                    }
                } catch (Exception e) {
                    myErrors.merge("client", 1L, Long::sum);
                    firstError.compareAndSet(null, "client: " + e);
                } finally {
                    latencies[id] = mine;
                    counts[id] = n;
                    synchronized (errors) {
                        myErrors.forEach((k, v) -> errors.merge(k, v, Long::sum));
                    }
                    for (Connection c : connections.values()) {
                        try {
                            c.close();
                        } catch (SQLException e) {
                            // closing anyway
                        }
                    }
                }
            }, "load-" + t);
            w.setDaemon(true);
            workers.add(w);
            w.start();
        }
        try {
            start.await(300, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the load clients did not all connect within 5 minutes: " + e, e);
        }
        for (Thread w : workers) {
            w.join(warmupMillis + measureMillis + 120_000);
        }
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < threads; t++) {
            System.arraycopy(latencies[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("threads", threads);
        out.put("seconds", measureMillis / 1000.0);
        out.put("queries", (long) total);
        out.put("qps", total / (measureMillis / 1000.0));
        out.put("p50_ms", percentile(all, 50));
        out.put("p90_ms", percentile(all, 90));
        out.put("p99_ms", percentile(all, 99));
        out.put("max_ms", total == 0 ? 0.0 : all[total - 1] / 1e6);
        out.put("errors", errors.values().stream().mapToLong(Long::longValue).sum());
        out.put("errors_by_sqlstate", new LinkedHashMap<>(errors));
        out.put("first_error", firstError.get());
        return out;
    }

    /** Nearest-rank percentile of sorted nanoseconds, in milliseconds (0 when empty). */
    static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
    }
}
