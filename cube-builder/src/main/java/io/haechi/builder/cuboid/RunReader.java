package io.haechi.builder.cuboid;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

/** Reads a {@link RunFile} written by {@link RunWriter}, row by row. */
final class RunReader implements SortedCursor {
    private final RunFile file;
    private final RowFormat format;
    private final MeasureFunctions measures;
    private final FileChannel channel;
    private ByteBuffer buffer;
    private final long[] key;
    private final long[] longs;
    private final Object[] objects;
    private long remaining;

    RunReader(RunFile file, MeasureFunctions measures, int bufferBytes) throws IOException {
        this.file = file;
        this.format = file.format();
        this.measures = measures;
        this.channel = FileChannel.open(file.path(), StandardOpenOption.READ);
        this.buffer = ByteBuffer.allocate(Math.max(bufferBytes, format.fixedBytes() * 4));
        buffer.flip();
        this.key = new long[format.words()];
        this.longs = new long[Math.max(1, format.longs())];
        this.objects = new Object[Math.max(1, format.objects())];
        this.remaining = file.rows();
        try {
            ensure(16);
            int magic = buffer.getInt();
            int words = buffer.getInt();
            int longCount = buffer.getInt();
            int objectCount = buffer.getInt();
            if (magic != RunWriter.MAGIC || words != format.words() || longCount != format.longs()
                    || objectCount != format.objects()) {
                throw corrupt("header does not match " + format);
            }
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    public boolean next() throws IOException {
        if (remaining == 0) {
            return false;
        }
        remaining--;
        ensure(8 * (format.words() + format.longs()));
        for (int i = 0; i < key.length; i++) {
            key[i] = buffer.getLong();
        }
        for (int i = 0; i < format.longs(); i++) {
            longs[i] = buffer.getLong();
        }
        for (int i = 0; i < format.objects(); i++) {
            ensure(4);
            int size = buffer.getInt();
            if (size < 0) {
                throw corrupt("negative state length " + size);
            }
            ensure(size);
            int end = buffer.position() + size;
            objects[i] = measures.deserialize(i, buffer, size);
            if (buffer.position() != end) {
                throw corrupt("measure " + measures.objectMeasure(i).name() + " read " + (buffer.position()
                        - end + size) + " of " + size + " bytes");
            }
        }
        return true;
    }

    private void ensure(int bytes) throws IOException {
        if (buffer.remaining() >= bytes) {
            return;
        }
        if (buffer.capacity() < bytes) {
            ByteBuffer bigger = ByteBuffer.allocate(bytes);
            bigger.put(buffer);
            buffer = bigger;
        } else {
            buffer.compact();
        }
        while (buffer.position() < bytes) {
            if (channel.read(buffer) < 0) {
                throw corrupt("ends early");
            }
        }
        buffer.flip();
    }

    private HaechiException corrupt(String what) {
        return new HaechiException(ErrorCode.BUILD_FAILED, "spill file " + file.path() + " is corrupt: " + what);
    }

    @Override
    public long[] keyArray() {
        return key;
    }

    @Override
    public int keyOffset() {
        return 0;
    }

    @Override
    public long[] longArray() {
        return longs;
    }

    @Override
    public int longOffset() {
        return 0;
    }

    @Override
    public Object[] objectArray() {
        return objects;
    }

    @Override
    public int objectOffset() {
        return 0;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
