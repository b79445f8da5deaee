package io.haechi.query.rewrite;

/** Thrown inside the rewrite when a subtree cannot be served by a cube; its message is the reason shown to users. */
final class Bail extends RuntimeException {
    Bail(String reason) {
        super(reason, null, false, false);
    }
}
