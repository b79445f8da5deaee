package io.haechi.datagen.io;

import static java.util.Objects.requireNonNull;

import io.haechi.datagen.OutputFormat;
import io.haechi.datagen.ProgressListener;
import io.haechi.datagen.TableStats;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.TableDesc;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The output directory of one generator run. Files are laid out as {@code OUT/<table>/part-NNNNN.<ext>} or, for a
 * partitioned table, {@code OUT/<table>/<column>=<value>/part-NNNNN.<ext>} (Hive style). It prepares the table
 * directories (refusing to mix a new run with old files unless asked to replace them), opens writers, and sums
 * rows, bytes and files per table as writers close. Thread safe.
 */
public final class OutputFiles {
    private final Path outDir;
    private final OutputFormat format;
    private final ProgressListener progress;
    private final Map<String, long[]> stats = new LinkedHashMap<>();

    /**
     * @param outDir the output directory, created if missing
     * @param tables every table the run writes, in report order
     * @param overwrite whether to delete existing table directories; otherwise an existing non-empty one is an error
     */
    public OutputFiles(Path outDir, OutputFormat format, List<TableDesc> tables, boolean overwrite,
            ProgressListener progress) {
        this.outDir = requireNonNull(outDir, "outDir is null");
        this.format = requireNonNull(format, "format is null");
        this.progress = requireNonNull(progress, "progress is null");
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw WriteFailures.of(outDir, e);
        }
        for (TableDesc t : tables) {
            prepare(outDir.resolve(t.name()), overwrite);
            stats.put(t.name(), new long[3]);
        }
    }

    private static void prepare(Path dir, boolean overwrite) {
        try {
            if (Files.isDirectory(dir)) {
                boolean empty;
                try (Stream<Path> s = Files.list(dir)) {
                    empty = s.findAny().isEmpty();
                }
                if (!empty) {
                    if (!overwrite) {
                        throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "the output directory " + dir
                                + " already holds files; remove it or ask to overwrite");
                    }
                    deleteTree(dir);
                }
            } else if (Files.exists(dir)) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, dir + " exists and is not a directory");
            }
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw WriteFailures.of(dir, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        List<Path> paths;
        try (Stream<Path> s = Files.walk(dir)) {
            paths = new ArrayList<>(s.sorted(Comparator.reverseOrder()).toList());
        }
        for (Path p : paths) {
            try {
                Files.delete(p);
            } catch (DirectoryNotEmptyException e) {
                throw new IOException("could not empty " + p, e);
            }
        }
    }

    public Path outDir() {
        return outDir;
    }

    public OutputFormat format() {
        return format;
    }

    /** Opens {@code OUT/<table>/part-NNNNN.<ext>}. */
    public TableWriter open(TableDesc table, int part) {
        return open(table, null, part);
    }

    /**
     * Opens a part file of a table, in the partition directory {@code partition} (e.g. {@code yearmonth=199201})
     * when it is not null. Rows written are counted into the table's stats and the progress when it closes, and
     * passed to the progress listener every 64 Ki rows.
     */
    public TableWriter open(TableDesc table, String partition, int part) {
        requireNonNull(table, "table is null");
        if (!stats.containsKey(table.name())) {
            throw new IllegalArgumentException("table " + table.name() + " was not declared for this output");
        }
        String fileName = String.format(Locale.ROOT, "part-%05d.%s", part, format.extension());
        String relative = table.name() + "/" + (partition == null ? "" : partition + "/") + fileName;
        Path file = outDir.resolve(relative);
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw WriteFailures.of(file.getParent(), e);
        }
        TableWriter inner = switch (format) {
            case AVRO -> new AvroTableWriter(file, table, relative);
            case CSV -> new CsvTableWriter(file, table);
        };
        return new CountingWriter(inner, table.name(), file);
    }

    /** The per-table figures of the files closed so far, in declaration order. */
    public synchronized List<TableStats> stats() {
        List<TableStats> list = new ArrayList<>();
        stats.forEach((name, s) -> list.add(new TableStats(name, s[0], s[1], (int) s[2])));
        return list;
    }

    private synchronized void closed(String table, long rows, long bytes) {
        long[] s = stats.get(table);
        s[0] += rows;
        s[1] += bytes;
        s[2]++;
    }

    /** Counts rows for the stats and reports progress in batches. */
    private final class CountingWriter implements TableWriter {
        private static final int REPORT_EVERY = 1 << 16;

        private final TableWriter inner;
        private final String table;
        private final Path file;
        private int unreported;
        private boolean closed;

        CountingWriter(TableWriter inner, String table, Path file) {
            this.inner = inner;
            this.table = table;
            this.file = file;
        }

        @Override
        public void write(Object[] row) {
            inner.write(row);
            if (++unreported == REPORT_EVERY) {
                progress.rowsWritten(table, unreported);
                unreported = 0;
            }
        }

        @Override
        public long rows() {
            return inner.rows();
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            inner.close();
            if (unreported > 0) {
                progress.rowsWritten(table, unreported);
                unreported = 0;
            }
            try {
                closed(table, inner.rows(), Files.size(file));
            } catch (IOException e) {
                throw WriteFailures.of(file, e);
            }
        }
    }
}
