package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The ad analyst queries of ad-events.md, as {@link SsbLatency} runs SSB: {@code duckdb} (system property
 * {@code bench.duckdb.ads}) or {@code haechi-ads}; the literal pools come from {@link AdsPools}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AdsLatency {
    @Param({"1", "2", "3", "4", "5", "6"})
    public int query;

    @Param({"duckdb", "haechi-ads"})
    public String engine;

    private Target open;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        BenchQuery q = AdsPools.fromSystemProperties().queries().get(query - 1);
        open = Target.open(engine, System.getProperty("bench.duckdb.ads"), q);
    }

    @Benchmark
    public long run() throws SQLException {
        return open.runNext();
    }

    @TearDown(Level.Trial)
    public void close() throws SQLException {
        open.close();
    }
}
