package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.reject.RejectReason;

/** A value that does not fit its column; the reader turns it into a rejection. Cheap: no stack trace. */
final class BadValueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final RejectReason reason;
    private final String expected;

    BadValueException(RejectReason reason, String expected) {
        super(expected, null, false, false);
        this.reason = requireNonNull(reason, "reason is null");
        this.expected = requireNonNull(expected, "expected is null");
    }

    RejectReason reason() {
        return reason;
    }

    String expected() {
        return expected;
    }
}
