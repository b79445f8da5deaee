package io.haechi.builder.segment;

import io.haechi.builder.cuboid.FactBatch;
import io.haechi.builder.cuboid.FactRowSource;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The encoded fact rows of a segment, spilled by the read pass so that the cuboid step neither re-reads nor
 * re-joins the source. One file per reader thread ({@code facts-N.bin}); a row is fixed-width, big-endian: the
 * provisional value id of each row-key dimension (int), then the raw value of each engine measure slot (long).
 * {@link Source} remaps the provisional ids to dense codes while it fills the engine's batches.
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
        private int nextFile;
        private DataInputStream in;

        /**
         * @param slotRemaps per engine measure slot the remap of an interned measure, or null
         */
        Source(List<Path> files, int[][] dimensionRemaps, int[][] slotRemaps) {
            this.files = List.copyOf(files);
            this.dimensionRemaps = dimensionRemaps;
            this.slotRemaps = slotRemaps;
        }

        @Override
        public synchronized boolean read(FactBatch batch) throws IOException {
            int dims = batch.dimensionCount();
            int slots = batch.measureCount();
            int[] codes = batch.codes();
            long[] values = batch.values();
            int size = 0;
            while (size < batch.capacity()) {
                if (in == null) {
                    if (nextFile == files.size()) {
                        break;
                    }
                    in = new DataInputStream(new BufferedInputStream(Files.newInputStream(files.get(nextFile++)),
                            1 << 16));
                }
                int first;
                try {
                    first = in.readInt();
                } catch (EOFException e) {
                    in.close();
                    in = null;
                    continue;
                }
                int base = size * dims;
                codes[base] = dimensionRemaps[0][first];
                for (int d = 1; d < dims; d++) {
                    codes[base + d] = dimensionRemaps[d][in.readInt()];
                }
                int vbase = size * slots;
                for (int s = 0; s < slots; s++) {
                    long v = in.readLong();
                    int[] remap = slotRemaps[s];
                    if (remap != null && v >= 0 && v < remap.length) {
                        v = remap[(int) v];
                    }
                    values[vbase + s] = v;
                }
                size++;
            }
            batch.setSize(size);
            return size > 0;
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
