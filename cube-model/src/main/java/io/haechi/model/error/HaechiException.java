package io.haechi.model.error;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type for failures a user, an operator or a client sees. The message is written for that
 * person: it names the input (file, row, field path) and what was expected. The code is stable (see
 * {@link ErrorCode}).
 */
public class HaechiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;

    public HaechiException(ErrorCode errorCode, String message) {
        super(requireNonNull(message, "message is null"));
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public HaechiException(ErrorCode errorCode, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.errorCode = requireNonNull(errorCode, "errorCode is null");
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public ErrorCategory category() {
        return errorCode.category();
    }

    @Override
    public String toString() {
        return errorCode.tag() + " " + errorCode.name() + ": " + getMessage();
    }
}
