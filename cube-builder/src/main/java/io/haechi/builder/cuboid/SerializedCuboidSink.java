package io.haechi.builder.cuboid;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.util.concurrent.locks.ReentrantLock;

/** Lets one cuboid at a time through to a sink that is not thread-safe. */
final class SerializedCuboidSink implements CuboidSink {
    private final CuboidSink delegate;
    private final ReentrantLock lock = new ReentrantLock();

    SerializedCuboidSink(CuboidSink delegate) {
        this.delegate = requireNonNull(delegate, "delegate is null");
    }

    @Override
    public CuboidWriter open(long cuboid, int[] dimensions) throws IOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted waiting for the sink");
        }
        CuboidWriter writer;
        try {
            writer = delegate.open(cuboid, dimensions);
        } catch (IOException | RuntimeException | Error e) {
            lock.unlock();
            throw e;
        }
        return new CuboidWriter() {
            @Override
            public void append(CuboidRow row) throws IOException {
                writer.append(row);
            }

            @Override
            public void finish(CuboidStats stats) throws IOException {
                try {
                    writer.finish(stats);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void abort() {
                try {
                    writer.abort();
                } finally {
                    lock.unlock();
                }
            }
        };
    }
}
