package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.table.DataType;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import org.roaringbitmap.longlong.LongIterator;
import org.roaringbitmap.longlong.Roaring64Bitmap;

/**
 * Exact COUNT(DISTINCT) of 64-bit values (BIGINT ids such as {@code user_id}, TIMESTAMP microseconds), as BIGINT,
 * with no lossy 64-to-32-bit mapping.
 *
 * <p><b>Why {@link Roaring64Bitmap}</b> (the ART-based one) and not {@code Roaring64NavigableMap} (a TreeMap of 32-bit
 * bitmaps by the high 32 bits). Measured by Roaring64ChoiceTest with {@code -Dhaechi.roaring.n=1000000}: 1M ids in 8
 * bitmaps OR-ed together, random 64-bit (splitmix) ids and ids from a dense range (885K distinct among 4M consecutive
 * values above 2^40), on a shared 2-core machine:
 * <ul>
 * <li>heap ({@code getLongSizeInBytes}): random 32.5 MB versus 84.6 MB for the NavigableMap (a TreeMap entry and a
 *     RoaringBitmap per id); dense 502 KB versus 501 KB;</li>
 * <li>portable serialised bytes: identical, 21,998,664 random (22 bytes an id) and 501,246 dense;</li>
 * <li>time, within the noise of a machine at load 12-20: OR of random ids 0.9-6.0 s for both, each faster in some
 *     runs; deserialising random ids was faster for the NavigableMap in most runs (0.37-0.55 s versus 0.60-0.72 s at
 *     1M; 0.32 s versus 0.92 s at 200K); dense ids take 1-60 ms either way.</li>
 * </ul>
 * Heap decides: the builder holds many states in memory. Because the portable format is the same for both, the
 * choice can be revisited without touching stored bytes (the golden cell pins them).
 *
 * <p><b>Bytes.</b> One format byte, then either {@code 1}: the portable Roaring64 format, or {@code 2}: the count
 * (varint) and the ids in unsigned order as varint gaps (first gap from 0). The writer takes the smaller: gaps cost
 * 6.8 MB for the random million (3.2 times smaller than the bitmap), the bitmap wins for dense ids (0.5 MB versus
 * 0.9 MB).
 */
final class CountDistinct64Type extends AbstractMeasureType<Roaring64Bitmap> {
    static final int FORMAT_ROARING = 1;
    static final int FORMAT_GAPS = 2;

    CountDistinct64Type(DataType argumentType) {
        super("COUNT_DISTINCT", argumentType, DataType.BIGINT);
    }

    @Override
    protected Roaring64Bitmap initState() {
        return new Roaring64Bitmap();
    }

    @Override
    protected Roaring64Bitmap addValue(Roaring64Bitmap state, Object raw) {
        long v;
        if (raw instanceof Long l) {
            v = l;
        } else {
            Object c = Values.coerce(raw, argumentType(), "COUNT_DISTINCT argument");
            v = c instanceof LocalDateTime t ? Values.epochMicros(t) : ((Number) c).longValue();
        }
        state.addLong(v);
        return state;
    }

    @Override
    protected Roaring64Bitmap mergeStates(Roaring64Bitmap state, Roaring64Bitmap other) {
        state.or(other);
        return state;
    }

    @Override
    protected Roaring64Bitmap copyState(Roaring64Bitmap state) {
        return state.clone();
    }

    @Override
    protected void write(Roaring64Bitmap state, ByteWriter out) {
        long gapBytes = 1 + varintSize(state.getLongCardinality());
        long prev = 0;
        LongIterator it = state.getLongIterator();
        while (it.hasNext()) {
            long v = it.next();
            gapBytes += varintSize(v - prev);
            prev = v;
        }
        int start = out.size();
        state.runOptimize();
        out.writeByte(FORMAT_ROARING);
        try {
            DataOutputStream data = new DataOutputStream(out.asOutputStream());
            state.serializePortable(data);
            data.flush();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        if (gapBytes < out.size() - start) {
            out.truncate(start);
            out.writeByte(FORMAT_GAPS).writeVarLong(state.getLongCardinality());
            prev = 0;
            it = state.getLongIterator();
            while (it.hasNext()) {
                long v = it.next();
                out.writeVarLong(v - prev);
                prev = v;
            }
        }
    }

    private static int varintSize(long v) {
        int n = 1;
        while ((v & ~0x7FL) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    @Override
    protected Roaring64Bitmap read(byte[] in, int offset, int length) {
        ByteReader r = MeasureCodecs.reader(this, in, offset, length);
        int format = r.readByte("format");
        Roaring64Bitmap m = new Roaring64Bitmap();
        if (format == FORMAT_ROARING) {
            try {
                ByteArrayInputStream bytes = new ByteArrayInputStream(in, r.position(), r.remaining());
                m.deserializePortable(new DataInputStream(bytes));
                if (bytes.available() != 0) {
                    throw new IOException(bytes.available() + " trailing bytes");
                }
            } catch (IOException | RuntimeException e) {
                throw MeasureCodecs.corrupt(this, "not a portable Roaring64 bitmap (" + e + ")");
            }
        } else if (format == FORMAT_GAPS) {
            long n = r.readVarLong("count");
            if (n < 0 || n > r.remaining()) {
                throw r.corrupt("count " + n + " with " + r.remaining() + " bytes left");
            }
            long prev = 0;
            for (long i = 0; i < n; i++) {
                long gap = r.readVarLong("gap");
                if (gap == 0 && i > 0) {
                    throw r.corrupt("repeated id at " + i);
                }
                prev += gap;
                m.addLong(prev);
            }
            r.expectEnd();
        } else {
            throw r.corrupt("unknown format " + format + " (expected 1 or 2)");
        }
        return m;
    }

    @Override
    protected Object resultOf(Roaring64Bitmap state) {
        return state.getLongCardinality();
    }
}
