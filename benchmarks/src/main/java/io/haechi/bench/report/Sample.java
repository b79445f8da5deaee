package io.haechi.bench.report;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One JMH result: the benchmark method, its parameters and its latency distribution in milliseconds.
 *
 * @param benchmark e.g. {@code io.haechi.bench.client.SsbLatency.run}
 * @param params e.g. {@code query=Q1.1, target=duckdb}
 * @param p50 median
 * @param p99 99th percentile
 * @param mean the mean
 * @param samples how many executions were sampled
 */
public record Sample(String benchmark, Map<String, String> params, double p50, double p99, double mean,
        long samples) {
    public Sample {
        requireNonNull(benchmark, "benchmark is null");
        params = Map.copyOf(params);
    }

    public String param(String name) {
        String v = params.get(name);
        if (v == null) {
            throw new IllegalArgumentException(benchmark + " has no parameter " + name + " (has " + params.keySet()
                    + ")");
        }
        return v;
    }
}
