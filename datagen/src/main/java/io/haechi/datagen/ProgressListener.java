package io.haechi.datagen;

/**
 * Receives a generator's progress. Generators call {@link #rowsWritten} from several threads at once, so
 * implementations must be thread safe. Every method has a no-op default.
 */
public interface ProgressListener {
    /** Ignores everything. */
    ProgressListener NONE = new ProgressListener() {
    };

    /** Called once before any row is written, with the number of rows the run will write (all tables). */
    default void started(String generator, long expectedRows) {
    }

    /** Called as rows are written, with the rows written since the last call from that thread. */
    default void rowsWritten(String table, long rows) {
    }

    /** Called once after the last file is closed. */
    default void finished(GenerationReport report) {
    }

    /**
     * A progress bar on standard error when the JVM runs on a terminal ({@code System.console() != null}),
     * otherwise {@link #NONE}.
     */
    static ProgressListener forTerminal() {
        return System.console() != null ? new TerminalProgressBar(System.err) : NONE;
    }
}
