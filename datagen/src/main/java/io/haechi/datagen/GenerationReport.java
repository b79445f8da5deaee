package io.haechi.datagen;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The outcome of one generator run: rows, bytes and files per table (in the order the generator lists its tables)
 * and the wall time of the whole run.
 *
 * @param generator the generator's name ({@code ssb}, {@code ads})
 * @param outDir the output directory
 * @param tables per-table figures
 * @param elapsed wall time from start to the last file closed
 */
public record GenerationReport(String generator, Path outDir, List<TableStats> tables, Duration elapsed) {
    public GenerationReport {
        requireNonNull(generator, "generator is null");
        requireNonNull(outDir, "outDir is null");
        tables = List.copyOf(requireNonNull(tables, "tables is null"));
        requireNonNull(elapsed, "elapsed is null");
    }

    /** The figures of one table. */
    public Optional<TableStats> table(String name) {
        return tables.stream().filter(t -> t.table().equals(name)).findFirst();
    }

    /** Rows of one table, 0 if it was not written. */
    public long rows(String name) {
        return table(name).map(TableStats::rows).orElse(0L);
    }

    public long totalRows() {
        return tables.stream().mapToLong(TableStats::rows).sum();
    }

    public long totalBytes() {
        return tables.stream().mapToLong(TableStats::bytes).sum();
    }

    /** Rows of all tables per second of wall time. */
    public double rowsPerSecond() {
        double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
        return totalRows() / seconds;
    }

    /** A multi-line summary for a terminal: one line per table, then the total with rows/s. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        for (TableStats t : tables) {
            sb.append(String.format(Locale.ROOT, "  %-12s %,14d rows %,16d bytes %6d file%s%n",
                    t.table(), t.rows(), t.bytes(), t.files(), t.files() == 1 ? "" : "s"));
        }
        sb.append(String.format(Locale.ROOT, "%s: %,d rows, %,d bytes in %.1f s (%,.0f rows/s) to %s",
                generator, totalRows(), totalBytes(), elapsed.toNanos() / 1e9, rowsPerSecond(), outDir));
        return sb.toString();
    }
}
