package io.haechi.datagen.ssb;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.io.OutputFiles;
import io.haechi.datagen.io.TableWriter;
import io.haechi.datagen.util.Tasks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Generates the five SSB tables. Lookups go to {@code OUT/<table>/part-00000.<ext>}; lineorder is partitioned by the
 * month of {@code lo_orderdate}: {@code OUT/lineorder/yearmonth=YYYYMM/part-NNNNN.<ext>}, where part {@code n} holds
 * that month's rows of the n-th chunk of 1,500,000 orders, in dbgen's row order (one part per month up to SF1).
 * Chunks are generated in parallel; the layout depends on the scale factor only, so the same options always give
 * byte-identical files.
 */
public final class SsbGenerator {
    public static final String NAME = "ssb";
    /** Orders per lineorder chunk (= SF1): one part file per month and chunk. */
    public static final long ORDERS_PER_CHUNK = 1_500_000L;

    private SsbGenerator() {
    }

    public static GenerationReport generate(SsbOptions options, ProgressListener progress) {
        return generate(options, progress, ORDERS_PER_CHUNK);
    }

    static GenerationReport generate(SsbOptions options, ProgressListener progress, long ordersPerChunk) {
        requireNonNull(options, "options is null");
        requireNonNull(progress, "progress is null");
        long start = System.nanoTime();
        SsbScale scale = SsbScale.of(options.scaleFactor());
        long expected = LineorderRows.countRows(scale) + SsbScale.DATE_ROWS + scale.customers()
                + scale.suppliers() + scale.parts();
        OutputFiles out = new OutputFiles(options.outDir(), options.format(), SsbTables.all(), options.overwrite(),
                progress);
        progress.started(NAME, expected);
        List<Callable<Void>> tasks = new ArrayList<>();
        LineorderRows lineorder = new LineorderRows(scale);
        for (long chunk = 0; chunk * ordersPerChunk < scale.orders(); chunk++) {
            long first = chunk * ordersPerChunk + 1;
            long last = Math.min(scale.orders(), (chunk + 1) * ordersPerChunk);
            int part = (int) chunk;
            tasks.add(() -> {
                writeLineorder(lineorder, first, last, part, out);
                return null;
            });
        }
        Callable<Void> dimensions = () -> {
            try (TableWriter w = out.open(SsbTables.dates(), 0)) {
                DateRows.generate(w::write);
            }
            try (TableWriter w = out.open(SsbTables.supplier(), 0)) {
                CustomerRows.generateSuppliers(scale, w::write);
            }
            try (TableWriter w = out.open(SsbTables.customer(), 0)) {
                CustomerRows.generateCustomers(scale, w::write);
            }
            try (TableWriter w = out.open(SsbTables.part(), 0)) {
                PartRows.generate(scale, w::write);
            }
            return null;
        };
        tasks.add(1, dimensions);
        Tasks.runAll(tasks, options.threads(), "ssb-gen");
        GenerationReport report = new GenerationReport(NAME, options.outDir(), out.stats(),
                Duration.ofNanos(System.nanoTime() - start));
        progress.finished(report);
        return report;
    }

    private static void writeLineorder(LineorderRows rows, long first, long last, int part, OutputFiles out) {
        Map<Integer, TableWriter> months = new TreeMap<>();
        try {
            rows.generate(first, last, row -> {
                int month = (Integer) row[LineorderRows.ORDERDATE] / 100;
                TableWriter w = months.get(month);
                if (w == null) {
                    w = out.open(SsbTables.lineorder(), SsbTables.LINEORDER_PARTITION_KEY + "=" + month, part);
                    months.put(month, w);
                }
                w.write(row);
            });
        } finally {
            RuntimeException failure = null;
            for (TableWriter w : months.values()) {
                try {
                    w.close();
                } catch (RuntimeException e) {
                    if (failure == null) {
                        failure = e;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
        }
    }
}
