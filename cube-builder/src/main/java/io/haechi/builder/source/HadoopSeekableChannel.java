package io.haechi.builder.source;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import org.apache.hadoop.fs.FSDataInputStream;

/**
 * A read-only {@link SeekableByteChannel} over Hadoop's {@link FSDataInputStream}, so that Avro's
 * {@code DataFileReader} (through {@link ChannelSeekableInput}) can seek to a sync marker after a corrupt block on
 * any Hadoop file system. avro-mapred's {@code FsInput} does the same but brings Hadoop MapReduce with it.
 */
final class HadoopSeekableChannel implements SeekableByteChannel {
    private final FSDataInputStream in;
    private final long length;
    private boolean open = true;

    /**
     * @param in the opened file
     * @param length the file length as listed (Avro needs it to find the end; a listing is the snapshot we read)
     */
    HadoopSeekableChannel(FSDataInputStream in, long length) {
        this.in = requireNonNull(in, "in is null");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
        this.length = length;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        ensureOpen();
        if (!dst.hasRemaining()) {
            return 0;
        }
        if (dst.hasArray()) {
            int n = in.read(dst.array(), dst.arrayOffset() + dst.position(), dst.remaining());
            if (n > 0) {
                dst.position(dst.position() + n);
            }
            return n;
        }
        byte[] buffer = new byte[Math.min(dst.remaining(), 1 << 16)];
        int n = in.read(buffer, 0, buffer.length);
        if (n > 0) {
            dst.put(buffer, 0, n);
        }
        return n;
    }

    @Override
    public long position() throws IOException {
        ensureOpen();
        return in.getPos();
    }

    @Override
    public SeekableByteChannel position(long newPosition) throws IOException {
        ensureOpen();
        if (newPosition < 0) {
            throw new IllegalArgumentException("position must not be negative, got " + newPosition);
        }
        // Hadoop refuses to seek past the end; a channel allows it and then reads end-of-file.
        in.seek(Math.min(newPosition, length));
        return this;
    }

    @Override
    public long size() throws IOException {
        ensureOpen();
        return length;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() throws IOException {
        if (open) {
            open = false;
            in.close();
        }
    }

    private void ensureOpen() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
    }
}
