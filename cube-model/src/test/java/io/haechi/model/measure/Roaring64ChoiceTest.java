package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The numbers behind choosing {@link Roaring64Bitmap} for 64-bit exact distinct counts (see
 * {@link CountDistinct64Type}): serialised size (portable format) and OR time of 1M ids, random 64-bit (splitmix) and
 * dense-ish (1M ids among 4M consecutive around 2^40), 8 bitmaps of 125K each OR-ed together. Prints, asserts only
 * that both agree with a HashSet.
 */
class Roaring64ChoiceTest {
    private static final int N = 1_000_000;
    private static final int PARTS = 8;

    static long splitmix(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    @Test
    void compareRandomAndDenseIds() throws IOException {
        long[] random = new long[N];
        long[] dense = new long[N];
        for (int i = 0; i < N; i++) {
            random[i] = splitmix(i);
            dense[i] = (1L << 40) + Math.floorMod(splitmix(i + 17L), 4L * N);
        }
        for (String name : new String[] {"random", "dense"}) {
            long[] ids = name.equals("random") ? random : dense;
            Set<Long> oracle = new HashSet<>();
            for (long id : ids) {
                oracle.add(id);
            }
            Roaring64Bitmap[] a = new Roaring64Bitmap[PARTS];
            Roaring64NavigableMap[] b = new Roaring64NavigableMap[PARTS];
            for (int p = 0; p < PARTS; p++) {
                a[p] = new Roaring64Bitmap();
                b[p] = new Roaring64NavigableMap();
            }
            for (int i = 0; i < N; i++) {
                a[i % PARTS].addLong(ids[i]);
                b[i % PARTS].addLong(ids[i]);
            }
            long bestA = Long.MAX_VALUE;
            long bestB = Long.MAX_VALUE;
            Roaring64Bitmap ua = null;
            Roaring64NavigableMap ub = null;
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                ua = new Roaring64Bitmap();
                for (Roaring64Bitmap x : a) {
                    ua.or(x);
                }
                long t1 = System.nanoTime();
                ub = new Roaring64NavigableMap();
                for (Roaring64NavigableMap x : b) {
                    ub.or(x);
                }
                long t2 = System.nanoTime();
                bestA = Math.min(bestA, t1 - t0);
                bestB = Math.min(bestB, t2 - t1);
            }
            assertThat(ua.getLongCardinality()).isEqualTo(oracle.size());
            assertThat(ub.getLongCardinality()).isEqualTo(oracle.size());
            ua.runOptimize();
            ub.runOptimize();
            byte[] sa = portable(ua);
            byte[] sb = portable(ub);
            long bestDa = Long.MAX_VALUE;
            long bestDb = Long.MAX_VALUE;
            for (int rep = 0; rep < 2; rep++) {
                long t0 = System.nanoTime();
                Roaring64Bitmap ra = new Roaring64Bitmap();
                ra.deserializePortable(new DataInputStream(new ByteArrayInputStream(sa)));
                long t1 = System.nanoTime();
                Roaring64NavigableMap rb = new Roaring64NavigableMap();
                rb.deserializePortable(new DataInputStream(new ByteArrayInputStream(sb)));
                long t2 = System.nanoTime();
                bestDa = Math.min(bestDa, t1 - t0);
                bestDb = Math.min(bestDb, t2 - t1);
                assertThat(ra.getLongCardinality()).isEqualTo(oracle.size());
                assertThat(rb.getLongCardinality()).isEqualTo(oracle.size());
            }
            java.nio.ByteBuffer art = java.nio.ByteBuffer.allocate((int) ua.serializedSizeInBytes());
            ua.serialize(art);
            long[] sorted = ua.toArray();
            io.haechi.model.dict.ByteWriter deltas = new io.haechi.model.dict.ByteWriter(N * 4);
            for (int i = 0; i < sorted.length; i++) {
                deltas.writeVarLong(i == 0 ? sorted[0] : sorted[i] - sorted[i - 1]);
            }
            System.out.printf("roaring64 %-6s Roaring64Bitmap.serialize (ART, not portable) %,d bytes; "
                    + "sorted delta varints "
                    + "%,d bytes%n", name, art.position(), deltas.size());
            System.out.printf("roaring64 %-6s %d ids: Roaring64Bitmap %,d bytes, OR of %d %.1f ms, deser %.1f ms | "
                            + "Roaring64NavigableMap %,d bytes, OR %.1f ms, deser %.1f ms%n", name, oracle.size(),
                    sa.length, PARTS, bestA / 1e6, bestDa / 1e6, sb.length, bestB / 1e6, bestDb / 1e6);
        }
    }

    private static byte[] portable(Object bitmap) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        if (bitmap instanceof Roaring64Bitmap r) {
            r.serializePortable(out);
        } else {
            ((Roaring64NavigableMap) bitmap).serializePortable(out);
        }
        out.flush();
        return bytes.toByteArray();
    }
}
