package io.haechi.model.error;

import static java.util.Objects.requireNonNull;

import io.haechi.model.ValidationIssue;
import java.util.List;

/**
 * The one exception type for failures a user, an operator or a client sees. The message is written for that
 * person: it names the input (file, row, field path) and what was expected. The code is stable (see
 * {@link ErrorCode}). A refusal of a descriptor or request body may also carry its problems one by one, each with
 * its field path ({@link #issues()}), so that an API can report them per field.
 */
public class HaechiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final transient List<ValidationIssue> issues;

    public HaechiException(ErrorCode errorCode, String message) {
        this(errorCode, message, List.of(), null);
    }

    public HaechiException(ErrorCode errorCode, String message, Throwable cause) {
        this(errorCode, message, cause instanceof HaechiException h ? h.issues() : List.of(), cause);
    }

    /** A failure with the per-field problems behind it. */
    public HaechiException(ErrorCode errorCode, String message, List<ValidationIssue> issues) {
        this(errorCode, message, issues, null);
    }

    public HaechiException(ErrorCode errorCode, String message, List<ValidationIssue> issues, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
        this.issues = List.copyOf(requireNonNull(issues, "issues is null"));
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorCategory category() {
        return errorCode.category();
    }

    /** The problems one by one with their field paths; empty when the failure is not about fields. */
    public List<ValidationIssue> issues() {
        return issues == null ? List.of() : issues;
    }

    @Override
    public String toString() {
        return errorCode.tag() + " " + errorCode.name() + ": " + getMessage();
    }
}
