package io.haechi.server.web;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import java.util.Optional;

/**
 * A failure of the HTTP exchange itself (no such path, wrong method, body not JSON or too large, a refused origin),
 * answered with {@code status}. Failures of what a request asks for are {@code HaechiException}s, mapped by
 * {@link ApiErrors}.
 */
final class HttpFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Optional<ErrorCode> code;

    HttpFailure(int status, ErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.status = status;
        this.code = Optional.ofNullable(code);
    }

    int status() {
        return status;
    }

    Optional<ErrorCode> code() {
        return code == null ? Optional.empty() : code;
    }
}
