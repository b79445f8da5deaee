package io.haechi.bench.client;

import io.haechi.bench.queries.BenchQuery;
import io.haechi.bench.queries.SsbQueries;
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
 * SSB latency: one paper query per trial, executed as a prepared statement with the next literal set each time, the
 * whole result read. {@code target} is {@code duckdb} (embedded, system property {@code bench.duckdb.ssb}) or
 * {@code haechi-<project>} over the thin driver ({@code haechi-ssb_b}: design B, {@code haechi-ssb_a}: design A).
 * Sample mode, so the JSON carries p50 and p99.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SsbLatency {
    @Param({"Q1.1", "Q1.2", "Q1.3", "Q2.1", "Q2.2", "Q2.3", "Q3.1", "Q3.2", "Q3.3", "Q3.4", "Q4.1", "Q4.2", "Q4.3"})
    public String query;

    @Param({"duckdb", "haechi-ssb_b", "haechi-ssb_a"})
    public String target;

    private Target open;

    @Setup(Level.Trial)
    public void open() throws SQLException {
        BenchQuery q = SsbQueries.all().stream().filter(x -> x.name().equals(query)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no SSB query " + query));
        open = Target.open(target, System.getProperty("bench.duckdb.ssb"), q);
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
