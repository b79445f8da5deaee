package io.haechi.builder.reject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class RejectCollectorTest {
    @Test
    void parallelReadersCountExactlyAndKeepAtMostTheSamples() throws Exception {
        RejectCollector collector = new RejectCollector(3);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 1; i <= 10_000; i++) {
                        collector.rowRead();
                        if (i % 10 == 0) {
                            collector.reject(Rejection.ofRow(RejectReason.WRONG_TYPE,
                                    RowOrigin.line("f" + thread, i), "c", "v" + i, "an INT"));
                        } else if (i % 7 == 0) {
                            collector.rowFiltered();
                        }
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        RejectReport report = collector.report();
        long filteredPerThread = java.util.stream.IntStream.rangeClosed(1, 10_000)
                .filter(i -> i % 10 != 0 && i % 7 == 0).count();
        assertThat(report.rowsRead()).isEqualTo(40_000);
        assertThat(report.rejectedRows(RejectReason.WRONG_TYPE)).isEqualTo(4_000);
        assertThat(report.rowsFiltered()).isEqualTo(4 * filteredPerThread);
        assertThat(report.rowsAccepted()).isEqualTo(40_000 - 4_000 - 4 * filteredPerThread);
        assertThat(report.samples()).hasSize(3);
        assertThat(report.toText()).contains("value of the wrong type (WRONG_TYPE): 4000 rows")
                .contains("... and 3997 more");
    }

    @Test
    void joinStageReasonsShareTheReport() {
        RejectCollector collector = new RejectCollector();
        collector.rowsRead(5);
        collector.reject(Rejection.ofRow(RejectReason.UNKNOWN_FOREIGN_KEY, RowOrigin.row("fact.avro", 2),
                "lo_custkey", 99, "a row of customer with c_custkey = 99"));
        collector.reject(Rejection.ofRow(RejectReason.NULL_MEASURE, RowOrigin.row("fact.avro", 4),
                "lo_revenue", null, "a value for SUM(lo_revenue)"));
        RejectReport report = collector.report();
        assertThat(report.rowsAccepted()).isEqualTo(3);
        assertThat(report.toText()).isEqualTo("""
                rows read 5, accepted 3, outside the build range 0, rejected 2
                  unknown foreign key (UNKNOWN_FOREIGN_KEY): 1 row
                    fact.avro row 2, column lo_custkey: '99' (expected a row of customer with c_custkey = 99)
                  NULL measure (NULL_MEASURE): 1 row
                    fact.avro row 4, column lo_revenue (expected a value for SUM(lo_revenue))""");
    }

    @Test
    void excerptsAreShortAndPrintable() {
        String longValue = "x".repeat(200) + "\n";
        Rejection r = Rejection.ofRow(RejectReason.WRONG_TYPE, RowOrigin.line("f", 1), "c", longValue, "an INT");
        assertThat(r.value()).hasSize(Rejection.MAX_EXCERPT + 3).endsWith("...");
        assertThat(Rejection.excerpt("a\tb\nc")).isEqualTo("a\\tb\\nc");
    }

    @Test
    void thresholdsByCountAndByShare() {
        RejectCollector collector = new RejectCollector();
        collector.rowsRead(1000);
        for (int i = 1; i <= 20; i++) {
            collector.reject(Rejection.ofRow(RejectReason.NULL_DIMENSION, RowOrigin.row("f", i), "d", null, "x"));
        }
        RejectReport report = collector.report();
        assertThat(RejectThreshold.NONE.isExceededBy(report)).isTrue();
        assertThat(RejectThreshold.rows(19).isExceededBy(report)).isTrue();
        assertThat(RejectThreshold.rows(20).isExceededBy(report)).isFalse();
        assertThat(RejectThreshold.fraction(0.019).isExceededBy(report)).isTrue();
        assertThat(RejectThreshold.fraction(0.02).isExceededBy(report)).isFalse();
        assertThat(new RejectThreshold(100, 0.01).isExceededBy(report)).isTrue();
        assertThat(new RejectThreshold(100, 0.01).describe()).isEqualTo("100 rows or 1.0% of the rows read");
        assertThat(RejectThreshold.NONE.isExceededBy(RejectReport.empty())).isFalse();
        assertThatThrownBy(() -> RejectThreshold.fraction(1.5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFraction");
    }

    @Test
    void failFastStopsAtTheFirstRejectionOverTheRowLimit() {
        RejectCollector collector = new RejectCollector(10, RejectThreshold.rows(2));
        collector.rowsRead(3);
        collector.reject(Rejection.ofRow(RejectReason.WRONG_TYPE, RowOrigin.line("f.csv", 1), "a", "x", "an INT"));
        collector.reject(Rejection.ofRow(RejectReason.WRONG_TYPE, RowOrigin.line("f.csv", 2), "a", "y", "an INT"));
        assertThatThrownBy(() -> collector.reject(Rejection.ofRow(RejectReason.WRONG_COLUMN_COUNT,
                RowOrigin.line("f.csv", 3), null, "1,2", "3 fields, got 2")))
                .isInstanceOfSatisfying(io.haechi.model.error.HaechiException.class, e -> assertThat(e.errorCode())
                        .isEqualTo(io.haechi.model.error.ErrorCode.REJECTED_ROWS_OVER_THRESHOLD))
                .hasMessageStartingWith("more than 2 rows rejected; reading stopped at f.csv line 3 (counts so far)")
                .hasMessageContaining("rows read 3, accepted 0, outside the build range 0, rejected 3");

        RejectCollector byShare = new RejectCollector(10, RejectThreshold.fraction(0.0));
        byShare.reject(Rejection.ofRow(RejectReason.WRONG_TYPE, RowOrigin.line("f.csv", 1), "a", "x", "an INT"));
        assertThat(byShare.report().rejectedRows()).isEqualTo(1);
    }
}
