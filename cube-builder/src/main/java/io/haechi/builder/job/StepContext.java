package io.haechi.builder.job;

import java.nio.file.Path;

/** What a running step can see and report. */
public interface StepContext {
    Job job();

    /** A directory private to the job that survives a crash, for the step's intermediate files. */
    Path workDir();

    /** Reports progress (0..1) with a short note (rows done, ETA); cheap to call often. */
    void progress(double fraction, String note);

    /** Throws {@link java.util.concurrent.CancellationException} if the job was cancelled. */
    void checkCancelled();
}
