package io.haechi.datagen.ssb;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.GenerationReport;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.io.OutputFiles;
import io.haechi.datagen.io.TableWriter;
import io.haechi.datagen.util.Tasks;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/**
 * Generates the five SSB tables. Lookups go to {@code OUT/<table>/part-00000.<ext>}; lineorder is partitioned by the
 * month of {@code lo_orderdate}: {@code OUT/lineorder/yearmonth=YYYYMM/part-00000.<ext>}, each file holding that
 * month's rows in dbgen's row order. The same options always give byte-identical files.
 */
public final class SsbGenerator {
    public static final String NAME = "ssb";

    private SsbGenerator() {
    }

    public static GenerationReport generate(SsbOptions options, ProgressListener progress) {
        requireNonNull(options, "options is null");
        requireNonNull(progress, "progress is null");
        long start = System.nanoTime();
        SsbScale scale = SsbScale.of(options.scaleFactor());
        long expected = LineorderRows.countRows(scale) + SsbScale.DATE_ROWS + scale.customers()
                + scale.suppliers() + scale.parts();
        OutputFiles out = new OutputFiles(options.outDir(), options.format(), SsbTables.all(), options.overwrite(),
                progress);
        progress.started(NAME, expected);
        Callable<Void> fact = () -> {
            writeLineorder(scale, out);
            return null;
        };
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
        Tasks.runAll(List.of(fact, dimensions), options.threads(), "ssb-gen");
        GenerationReport report = new GenerationReport(NAME, options.outDir(), out.stats(),
                Duration.ofNanos(System.nanoTime() - start));
        progress.finished(report);
        return report;
    }

    private static void writeLineorder(SsbScale scale, OutputFiles out) {
        Map<Integer, TableWriter> months = new TreeMap<>();
        try {
            new LineorderRows(scale).generate(row -> {
                int month = (Integer) row[LineorderRows.ORDERDATE] / 100;
                TableWriter w = months.get(month);
                if (w == null) {
                    w = out.open(SsbTables.lineorder(), SsbTables.LINEORDER_PARTITION_KEY + "=" + month, 0);
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
