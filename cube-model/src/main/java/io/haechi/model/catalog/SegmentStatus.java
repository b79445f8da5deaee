package io.haechi.model.catalog;

/** The life of a segment: only READY segments answer queries. */
public enum SegmentStatus {
    /** A build job is writing it; invisible to queries. */
    BUILDING,
    /** Fully loaded; visible to queries. */
    READY
}
