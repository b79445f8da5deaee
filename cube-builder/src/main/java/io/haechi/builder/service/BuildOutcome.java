package io.haechi.builder.service;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.job.Job;
import io.haechi.builder.segment.BuildReport;
import io.haechi.model.catalog.SegmentDesc;

/** A finished build: the job, the READY segment and the build report. */
public record BuildOutcome(Job job, SegmentDesc segment, BuildReport report) {
    public BuildOutcome {
        requireNonNull(job, "job is null");
        requireNonNull(segment, "segment is null");
        requireNonNull(report, "report is null");
    }
}
