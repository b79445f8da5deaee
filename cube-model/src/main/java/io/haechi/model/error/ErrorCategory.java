package io.haechi.model.error;

/**
 * Who has to act on a failure. Later layers map the category to an HTTP status and an SQLState class; the
 * per-code mapping refines it.
 */
public enum ErrorCategory {
    /** The request or the input is wrong; the user can fix it. */
    USER,
    /** A bug or broken invariant inside Haechi. */
    INTERNAL,
    /** A system Haechi depends on (HBase, the file system, a source) failed or is unreachable. */
    EXTERNAL,
    /** A configured limit (memory budget, cuboid cap, rejected-row threshold) was hit. */
    RESOURCES
}
