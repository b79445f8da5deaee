package io.haechi.builder.segment;

import io.haechi.builder.cuboid.FactBatch;
import io.haechi.builder.cuboid.FactRowSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The encoded fact rows of a segment, spilled by the read pass so that the cuboid step neither re-reads nor
 * re-joins the source. One file per reader thread ({@code facts-N.bin}); a row is fixed-width, big-endian: the
 * provisional value id of each row-key dimension (int), then the raw value of each engine measure slot (long).
 * {@link Source} remaps the provisional ids to dense codes while it fills the engine's batches. A file holds whole
 * rows, so a batch's bytes may span files without splitting a row.
 */
final class FactSpill {
    private FactSpill() {
    }

    /** Writes one reader thread's rows. */
    static final class Writer implements AutoCloseable {
        private final DataOutputStream out;
        private long rows;

        Writer(Path file) throws IOException {
            this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        void write(int[] ids, long[] raw) throws IOException {
            for (int id : ids) {
                out.writeInt(id);
            }
            for (long v : raw) {
                out.writeLong(v);
            }
            rows++;
        }

        long rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("facts-")).sorted().toList();
        }
    }

    /**
     * The spilled rows as the engine's fact source: dimension ids remapped to dense codes, interned measure values to
     * their dictionary codes. {@code read} is synchronized: remapping is a few array look-ups per row, cheap next to
     * the aggregation the engine's workers do with the batches.
     */
    static final class Source implements FactRowSource, AutoCloseable {
        private final List<Path> files;
        private final int[][] dimensionRemaps;
        private final int[][] slotRemaps;
        private final ThreadLocal<byte[]> buffers = new ThreadLocal<>();
        private int nextFile;
        private InputStream in;

        /**
         * @param slotRemaps per engine measure slot the remap of an interned measure, or null
         */
        Source(List<Path> files, int[][] dimensionRemaps, int[][] slotRemaps) {
            this.files = List.copyOf(files);
            this.dimensionRemaps = dimensionRemaps;
            this.slotRemaps = slotRemaps;
        }

        /** Takes the bytes of up to a batch of rows under the lock and decodes them outside it, in parallel. */
        @Override
        public boolean read(FactBatch batch) throws IOException {
            int dims = batch.dimensionCount();
            int slots = batch.measureCount();
            int rowBytes = 4 * dims + 8 * slots;
            byte[] buffer = buffers.get();
            if (buffer == null || buffer.length != rowBytes * batch.capacity()) {
                buffer = new byte[rowBytes * batch.capacity()];
                buffers.set(buffer);
            }
            int filled = fill(buffer);
            if (filled % rowBytes != 0) {
                throw new IOException("spilled fact rows are truncated: " + filled + " bytes is not a multiple of "
                        + rowBytes);
            }
            int size = filled / rowBytes;
            ByteBuffer b = ByteBuffer.wrap(buffer, 0, filled);
            int[] codes = batch.codes();
            long[] values = batch.values();
            for (int r = 0; r < size; r++) {
                int base = r * dims;
                for (int d = 0; d < dims; d++) {
                    codes[base + d] = dimensionRemaps[d][b.getInt()];
                }
                int vbase = r * slots;
                for (int s = 0; s < slots; s++) {
                    long v = b.getLong();
                    int[] remap = slotRemaps[s];
                    if (remap != null && v >= 0 && v < remap.length) {
                        v = remap[(int) v];
                    }
                    values[vbase + s] = v;
                }
            }
            batch.setSize(size);
            return size > 0;
        }

        /** Reads whole rows' bytes from the current and following files; never splits a row (files hold whole rows). */
        private synchronized int fill(byte[] buffer) throws IOException {
            int filled = 0;
            while (filled < buffer.length) {
                if (in == null) {
                    if (nextFile == files.size()) {
                        break;
                    }
                    in = new BufferedInputStream(Files.newInputStream(files.get(nextFile++)), 1 << 16);
                }
                int n = in.readNBytes(buffer, filled, buffer.length - filled);
                filled += n;
                if (filled < buffer.length) {
                    in.close();
                    in = null;
                }
            }
            return filled;
        }

        @Override
        public synchronized void close() throws IOException {
            if (in != null) {
                in.close();
                in = null;
            }
        }
    }
}
