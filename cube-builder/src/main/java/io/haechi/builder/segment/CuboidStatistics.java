package io.haechi.builder.segment;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.lattice.RowEstimates;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Row estimates per cuboid from one HyperLogLog sketch per cuboid (DataSketches HLL_4, {@code lgK} 11: about 2.3%
 * standard error), taken during the read pass: each reader thread keeps its own sketches over a hash of each row's
 * projection on the cuboid, merged when the thread ends. The projection hash is the XOR of per-dimension hashes of
 * the row's provisional value ids, each dimension hashed with its own seed, so a cuboid costs one XOR per dimension
 * per row; HLL rehashes it. Used by the spanning tree (each cuboid from the parent with the fewest estimated rows)
 * and by the region split planner.
 *
 * <p><b>File</b> ({@code statistics.bin}): magic {@code HSTA}, rows (long), cuboid count (int), then per cuboid its
 * id and estimated rows (longs), ascending by id.
 */
public final class CuboidStatistics {
    private static final int MAGIC = 0x48535441;

    private final long[] cuboids;
    private final int[][] cuboidDimensions;
    private final int lgK;
    private final Union[] unions;

    /**
     * @param cuboids the cuboid ids to estimate
     * @param dimensionCount row-key dimensions
     */
    CuboidStatistics(long[] cuboids, int dimensionCount, int lgK) {
        this.cuboids = cuboids.clone();
        this.lgK = lgK;
        this.cuboidDimensions = new int[cuboids.length][];
        for (int c = 0; c < cuboids.length; c++) {
            int[] dims = new int[Long.bitCount(cuboids[c])];
            int k = 0;
            for (int d = 0; d < dimensionCount; d++) {
                if ((cuboids[c] & (1L << (dimensionCount - 1 - d))) != 0) {
                    dims[k++] = d;
                }
            }
            cuboidDimensions[c] = dims;
        }
        this.unions = new Union[cuboids.length];
        for (int c = 0; c < unions.length; c++) {
            unions[c] = new Union(lgK);
        }
    }

    /** One reader thread's sketches. */
    final class Collector {
        private final HllSketch[] sketches = new HllSketch[cuboids.length];
        private long[] hashes = new long[0];

        Collector() {
            for (int c = 0; c < sketches.length; c++) {
                sketches[c] = new HllSketch(lgK, TgtHllType.HLL_4);
            }
        }

        void add(int[] provisionalIds) {
            if (hashes.length != provisionalIds.length) {
                hashes = new long[provisionalIds.length];
            }
            for (int d = 0; d < provisionalIds.length; d++) {
                hashes[d] = mix(provisionalIds[d] * 0x9E3779B97F4A7C15L + (d + 1) * 0xC2B2AE3D27D4EB4FL);
            }
            for (int c = 0; c < sketches.length; c++) {
                long h = 0x632BE59BD9B4E019L;
                for (int d : cuboidDimensions[c]) {
                    h ^= hashes[d];
                }
                sketches[c].update(h);
            }
        }

        void finish() {
            synchronized (unions) {
                for (int c = 0; c < sketches.length; c++) {
                    unions[c].update(sketches[c]);
                }
            }
        }
    }

    Collector collector() {
        return new Collector();
    }

    /** The estimates by cuboid id (at least 1 row each when the segment has rows). */
    Map<Long, Long> estimates() {
        Map<Long, Long> out = new LinkedHashMap<>();
        synchronized (unions) {
            for (int c = 0; c < cuboids.length; c++) {
                out.put(cuboids[c], Math.round(unions[c].getEstimate()));
            }
        }
        return out;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Estimates as written to and read from the work directory. */
    public record Estimates(long rows, Map<Long, Long> rowsPerCuboid) implements RowEstimates {
        public Estimates {
            rowsPerCuboid = Collections.unmodifiableMap(new LinkedHashMap<>(rowsPerCuboid));
        }

        @Override
        public java.util.OptionalLong rows(long cuboid) {
            Long r = rowsPerCuboid.get(cuboid);
            return r == null ? java.util.OptionalLong.empty() : java.util.OptionalLong.of(r);
        }

        void write(Path file) throws IOException {
            try (DataOutputStream out = new DataOutputStream(Files.newOutputStream(file))) {
                out.writeInt(MAGIC);
                out.writeLong(rows);
                long[] ids = rowsPerCuboid.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
                out.writeInt(ids.length);
                for (long id : ids) {
                    out.writeLong(id);
                    out.writeLong(rowsPerCuboid.get(id));
                }
            }
        }

        static Estimates read(Path file) throws IOException {
            try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
                if (in.readInt() != MAGIC) {
                    throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, file + " is not a statistics file");
                }
                long rows = in.readLong();
                int n = in.readInt();
                Map<Long, Long> m = new LinkedHashMap<>();
                for (int i = 0; i < n; i++) {
                    m.put(in.readLong(), in.readLong());
                }
                return new Estimates(rows, m);
            }
        }

        @Override
        public String toString() {
            return "estimates for " + rowsPerCuboid.size() + " cuboids over " + rows + " rows "
                    + Arrays.toString(rowsPerCuboid.values().stream().limit(5).toArray());
        }
    }
}
