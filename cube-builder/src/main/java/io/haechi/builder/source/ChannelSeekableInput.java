package io.haechi.builder.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import org.apache.avro.file.SeekableInput;

/** Avro's random-access input over a {@link SeekableByteChannel} of any {@link SourceFileSystem}. */
final class ChannelSeekableInput implements SeekableInput {
    private final SeekableByteChannel channel;

    ChannelSeekableInput(SeekableByteChannel channel) {
        this.channel = channel;
    }

    @Override
    public void seek(long p) throws IOException {
        channel.position(p);
    }

    @Override
    public long tell() throws IOException {
        return channel.position();
    }

    @Override
    public long length() throws IOException {
        return channel.size();
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        return channel.read(ByteBuffer.wrap(b, off, len));
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
