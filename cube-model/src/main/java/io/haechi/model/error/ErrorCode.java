package io.haechi.model.error;

import static io.haechi.model.error.ErrorCategory.EXTERNAL;
import static io.haechi.model.error.ErrorCategory.INTERNAL;
import static io.haechi.model.error.ErrorCategory.RESOURCES;
import static io.haechi.model.error.ErrorCategory.USER;

/**
 * The stable error codes of Haechi. The numbers are protocol: clients, scripts and the JDBC/PG/HTTP mappings rely on
 * them. Names may be changed; <b>a code is never renumbered or reused</b>. Ranges: 1xxx model and descriptors,
 * 2xxx sources and data generation, 3xxx build and jobs, 4xxx storage and metadata, 5xxx query, 6xxx protocol and
 * server, 9xxx internal.
 */
public enum ErrorCode {
    // 1xxx: model, cube descriptor, JSON
    INVALID_DESCRIPTOR(1001, USER),
    UNKNOWN_TABLE(1002, USER),
    UNKNOWN_COLUMN(1003, USER),
    INVALID_TYPE(1004, USER),
    INVALID_EXPRESSION(1005, USER),
    CUBOID_CAP_EXCEEDED(1006, RESOURCES),
    INVALID_JSON(1007, USER),
    UNSUPPORTED_SCHEMA_VERSION(1008, USER),
    INVALID_ARGUMENT(1009, USER),
    /** An aggregate left its type's range (SUM over BIGINT past 2^63-1, a DECIMAL past 38 digits). */
    NUMERIC_OVERFLOW(1010, USER),
    /** A value cannot be represented by a dimension's encoding (too long, out of range, not in the dictionary). */
    VALUE_NOT_ENCODABLE(1011, USER),

    // 2xxx: sources and data generation
    SOURCE_NOT_FOUND(2001, USER),
    SOURCE_READ_FAILED(2002, EXTERNAL),
    BAD_SOURCE_ROW(2003, USER),
    REJECTED_ROWS_OVER_THRESHOLD(2004, USER),
    SCHEMA_INFERENCE_FAILED(2005, USER),
    SOURCE_SCHEMA_MISMATCH(2006, USER),
    UNSUPPORTED_SOURCE(2007, USER),
    DUPLICATE_LOOKUP_KEY(2008, USER),
    GENERATOR_OUTPUT_FAILED(2009, EXTERNAL),

    // 3xxx: build and jobs
    BUILD_FAILED(3001, INTERNAL),
    SEGMENT_OVERLAP(3002, USER),
    JOB_NOT_FOUND(3003, USER),
    JOB_STATE_CONFLICT(3004, USER),
    MEMORY_BUDGET_EXCEEDED(3005, RESOURCES),
    CHANGE_INVALIDATES_SEGMENTS(3006, USER),

    // 4xxx: storage and metadata
    STORE_UNAVAILABLE(4001, EXTERNAL),
    METADATA_CONFLICT(4002, USER),
    METADATA_NOT_FOUND(4003, USER),
    DATA_DIRECTORY_LOCKED(4004, EXTERNAL),
    PORT_IN_USE(4005, EXTERNAL),
    CORRUPT_STORED_DATA(4006, INTERNAL),
    /** Stored bytes (dictionary, measure state) were written by a newer format version than this reader knows. */
    UNSUPPORTED_FORMAT_VERSION(4007, INTERNAL),
    /** A scan would return more groups than the store's configured limit (instead of running out of memory). */
    TOO_MANY_GROUPS(4008, RESOURCES),
    /** A segment with that storage id already exists in the store. */
    SEGMENT_EXISTS(4009, USER),
    /** A table, model or cube cannot be deleted while a model or cube uses it. */
    DESCRIPTOR_IN_USE(4010, USER),

    // 5xxx: query
    SQL_PARSE_ERROR(5001, USER),
    SQL_VALIDATION_ERROR(5002, USER),
    NO_REALIZATION(5003, USER),
    QUERY_CANCELLED(5004, USER),
    QUERY_FAILED(5005, INTERNAL),

    // 6xxx: protocol and server
    PROPERTY_NOT_ALLOWED(6001, USER),
    AUTHENTICATION_FAILED(6002, USER),
    PROTOCOL_VIOLATION(6003, USER),
    /** A statement is longer than the server's limit ({@code haechi.sql.max.length}). */
    STATEMENT_TOO_LONG(6004, RESOURCES),
    /** A statement is too complex to plan safely (an IN list over {@code haechi.sql.max.in.list}, deep nesting). */
    STATEMENT_TOO_COMPLEX(6005, RESOURCES),
    /** A connection names no project, or one the server does not serve. */
    UNKNOWN_PROJECT(6006, USER),

    // 9xxx: internal
    INTERNAL_ERROR(9001, INTERNAL);

    private final int code;
    private final ErrorCategory category;

    ErrorCode(int code, ErrorCategory category) {
        this.code = code;
        this.category = category;
    }

    public int code() {
        return code;
    }

    public ErrorCategory category() {
        return category;
    }

    /** The code as users see it in messages and logs, e.g. {@code HAECHI-1003}. */
    public String tag() {
        return "HAECHI-" + code;
    }
}
