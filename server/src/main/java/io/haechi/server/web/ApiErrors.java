package io.haechi.server.web;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.haechi.model.ValidationIssue;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.server.sql.SqlError;
import io.haechi.server.sql.SqlStates;
import java.util.List;
import java.util.Optional;

/**
 * The one place where failures become HTTP answers: the status of each {@link ErrorCode} and the Error body
 * ({@code status}, {@code code}, {@code tag}, {@code name}, {@code message}, {@code fields}).
 */
final class ApiErrors {
    private ApiErrors() {
    }

    /** The HTTP status a Haechi error code is answered with. */
    static int status(ErrorCode code) {
        return switch (code) {
            case METADATA_NOT_FOUND, JOB_NOT_FOUND, UNKNOWN_PROJECT -> 404;
            case METADATA_CONFLICT, SEGMENT_OVERLAP, JOB_STATE_CONFLICT, CHANGE_INVALIDATES_SEGMENTS,
                    SEGMENT_EXISTS, DESCRIPTOR_IN_USE, DATA_DIRECTORY_LOCKED -> 409;
            case AUTHENTICATION_FAILED -> 401;
            // A cube over the cap is a descriptor the user must change, reported like any other descriptor problem.
            case CUBOID_CAP_EXCEEDED -> 400;
            case STATEMENT_TOO_LONG -> 413;
            default -> switch (code.category()) {
                case USER -> 400;
                case RESOURCES -> 422;
                case EXTERNAL -> 503;
                case INTERNAL -> 500;
            };
        };
    }

    /** The status and Error body that answer a failed request. */
    record Answer(int status, ObjectNode body) {
    }

    static Answer of(Throwable failure) {
        if (failure instanceof HttpFailure h) {
            return new Answer(h.status(), body(h.status(), h.code(), h.getMessage(), List.of()));
        }
        if (failure instanceof SqlEndpoints.SqlFailure f) {
            return sql(f.getCause());
        }
        if (failure instanceof HaechiException e) {
            int status = status(e.errorCode());
            return new Answer(status, body(status, Optional.of(e.errorCode()), e.getMessage(), e.issues()));
        }
        return sql(failure);
    }

    /** A failure of running SQL: its code and SQLState as the JDBC endpoint reports them. */
    static Answer sql(Throwable failure) {
        HaechiException haechi = find(failure);
        SqlError error = SqlStates.of(failure);
        int status = error.errorCode().map(ApiErrors::status).orElseGet(() -> statusOf(error.sqlState()));
        ObjectNode body = body(status, error.errorCode(), error.message(),
                haechi == null ? List.of() : haechi.issues());
        body.put("sqlState", error.sqlState());
        return new Answer(status, body);
    }

    private static int statusOf(String sqlState) {
        if (sqlState.startsWith("XX")) {
            return 500;
        }
        if (sqlState.startsWith("58") || sqlState.startsWith("08")) {
            return 503;
        }
        if (sqlState.startsWith("54")) {
            return 422;
        }
        return 400;
    }

    private static HaechiException find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof HaechiException h) {
                return h;
            }
        }
        return null;
    }

    static ObjectNode body(int status, Optional<ErrorCode> code, String message, List<ValidationIssue> issues) {
        ObjectNode body = ApiJson.NODES.objectNode();
        body.put("status", status);
        body.put("code", code.map(ErrorCode::code).orElse(0));
        body.put("tag", code.map(ErrorCode::tag).orElse("HTTP-" + status));
        body.put("name", code.map(ErrorCode::name).orElse(reason(status)));
        body.put("message", message);
        ArrayNode fields = body.putArray("fields");
        for (ValidationIssue i : issues) {
            fields.add(issue(i));
        }
        return body;
    }

    static ObjectNode issue(ValidationIssue i) {
        ObjectNode f = ApiJson.NODES.objectNode();
        f.put("path", i.path());
        f.put("message", i.message());
        f.put("code", i.code().code());
        f.put("name", i.code().name());
        return f;
    }

    private static String reason(int status) {
        return switch (status) {
            case 400 -> "BAD_REQUEST";
            case 401 -> "UNAUTHORIZED";
            case 403 -> "FORBIDDEN";
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 409 -> "CONFLICT";
            case 413 -> "PAYLOAD_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 503 -> "SERVICE_UNAVAILABLE";
            default -> status >= 500 ? "INTERNAL_ERROR" : "ERROR";
        };
    }
}
