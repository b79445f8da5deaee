package io.haechi.model.measure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;

/**
 * The numbers behind choosing {@link Roaring64Bitmap} for 64-bit exact distinct counts (see
 * {@link CountDistinct64Type}): heap, serialised size (portable and ART formats, and sorted gaps) and OR and
 * deserialisation time of N ids, random 64-bit (splitmix) and dense-ish (N ids drawn from 4N consecutive values above
 * 2^40), in 8 bitmaps OR-ed together. Prints; asserts only that both count the distinct ids right.
 */
class Roaring64ChoiceTest {
    /** 200K by default to keep the module's tests quick; the recorded numbers used -Dhaechi.roaring.n=1000000. */
    private static final int N = Integer.getInteger("haechi.roaring.n", 200_000);
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
            dense[i] = (1L << 40) + Math.floorMod(splitmix(i + 17L), 4L * N); // ~88% distinct among 4N
        }
        for (String name : new String[] {"random", "dense"}) {
            long[] ids = name.equals("random") ? random : dense;
            long[] sorted = ids.clone();
            java.util.Arrays.sort(sorted);
            long distinct = sorted.length == 0 ? 0 : 1;
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    distinct++;
                }
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
            assertThat(ua.getLongCardinality()).isEqualTo(distinct);
            assertThat(ub.getLongCardinality()).isEqualTo(distinct);
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
                assertThat(ra.getLongCardinality()).isEqualTo(distinct);
                assertThat(rb.getLongCardinality()).isEqualTo(distinct);
            }
            java.nio.ByteBuffer art = java.nio.ByteBuffer.allocate((int) ua.serializedSizeInBytes());
            ua.serialize(art);
            sorted = ua.toArray();
            io.haechi.model.dict.ByteWriter deltas = new io.haechi.model.dict.ByteWriter(N * 4);
            for (int i = 0; i < sorted.length; i++) {
                deltas.writeVarLong(i == 0 ? sorted[0] : sorted[i] - sorted[i - 1]);
            }
            System.out.printf("roaring64 %-6s heap estimate (getLongSizeInBytes): Roaring64Bitmap %,d bytes, "
                    + "Roaring64NavigableMap %,d bytes%n", name, ua.getLongSizeInBytes(), ub.getLongSizeInBytes());
            System.out.printf("roaring64 %-6s Roaring64Bitmap.serialize (ART, not portable) %,d bytes; "
                    + "sorted delta varints "
                    + "%,d bytes%n", name, art.position(), deltas.size());
            System.out.printf("roaring64 %-6s %d ids: Roaring64Bitmap %,d bytes, OR of %d %.1f ms, deser %.1f ms | "
                            + "Roaring64NavigableMap %,d bytes, OR %.1f ms, deser %.1f ms%n", name, distinct,
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
