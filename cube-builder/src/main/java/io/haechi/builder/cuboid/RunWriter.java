package io.haechi.builder.cuboid;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Writes rows, already sorted by key, to a run file: a header ({@code HCR1}, words, longs, objects as big-endian
 * ints), then per row the key words and long states as big-endian longs and each object state as a length-prefixed
 * byte string. Plain bytes, no compression: the files live minutes and disk bandwidth is not the bottleneck.
 */
final class RunWriter implements AutoCloseable {
    static final int MAGIC = 0x48435231;

    private final Path path;
    private final RowFormat format;
    private final MeasureFunctions measures;
    private final FileChannel channel;
    private final AtomicLong spilledBytes;
    private ByteBuffer buffer;
    private long rows;
    private long bytes;
    private boolean closed;

    RunWriter(Path path, RowFormat format, MeasureFunctions measures, int bufferBytes, AtomicLong spilledBytes)
            throws IOException {
        this.path = path;
        this.format = format;
        this.measures = measures;
        this.spilledBytes = spilledBytes;
        this.channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        this.buffer = ByteBuffer.allocate(Math.max(bufferBytes, format.fixedBytes() * 4));
        buffer.putInt(MAGIC).putInt(format.words()).putInt(format.longs()).putInt(format.objects());
    }

    void write(long[] key, int keyOffset, long[] longStates, int longOffset, Object[] objectStates, int objectOffset)
            throws IOException {
        if (buffer.remaining() < format.fixedBytes()) {
            flush();
        }
        for (int i = 0; i < format.words(); i++) {
            buffer.putLong(key[keyOffset + i]);
        }
        for (int i = 0; i < format.longs(); i++) {
            buffer.putLong(longStates[longOffset + i]);
        }
        for (int i = 0; i < format.objects(); i++) {
            Object state = objectStates[objectOffset + i];
            int size = measures.serializedSize(i, state);
            if (buffer.remaining() < 4 + size) {
                flush();
                if (buffer.capacity() < 4 + size) {
                    buffer = ByteBuffer.allocate(4 + size);
                }
            }
            buffer.putInt(size);
            int start = buffer.position();
            measures.serialize(i, state, buffer);
            if (buffer.position() - start != size) {
                throw new IllegalStateException("measure " + measures.objectMeasure(i).name() + " wrote "
                        + (buffer.position() - start) + " bytes, its serializedSize said " + size);
            }
        }
        rows++;
    }

    private void flush() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            bytes += channel.write(buffer);
        }
        buffer.clear();
    }

    long rows() {
        return rows;
    }

    /** Flushes and closes; returns the finished file. */
    RunFile finish() throws IOException {
        flush();
        close();
        spilledBytes.addAndGet(bytes);
        return new RunFile(path, format, rows, bytes);
    }

    @Override
    public void close() throws IOException {
        if (!closed) {
            closed = true;
            channel.close();
        }
    }
}
