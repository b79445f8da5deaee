package io.haechi.builder.cuboid;

import java.util.concurrent.CancellationException;

/** Turns a thread interrupt into a {@link CancellationException} at the engine's check points. */
final class Cancellation {
    private Cancellation() {
    }

    static void check() {
        if (Thread.currentThread().isInterrupted()) {
            throw new CancellationException("cuboid build cancelled");
        }
    }
}
