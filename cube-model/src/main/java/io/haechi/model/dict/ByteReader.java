package io.haechi.model.dict;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.nio.charset.StandardCharsets;

/**
 * The reader side of {@link ByteWriter}. Every read is bounds-checked and fails with
 * {@link ErrorCode#CORRUPT_STORED_DATA} naming what was being read (the {@code what} given at construction), so a
 * truncated or garbled file never surfaces as an {@code ArrayIndexOutOfBoundsException}.
 */
public final class ByteReader {
    private final byte[] buf;
    private final int end;
    private final Object what;
    private int pos;

    /** @param what names the bytes in error messages; its {@code toString()} is only called on an error */
    public ByteReader(byte[] buf, Object what) {
        this(buf, 0, buf.length, what);
    }

    public ByteReader(byte[] buf, int offset, int length, Object what) {
        if (offset < 0 || length < 0 || offset + length > buf.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside an array of " + buf.length);
        }
        this.buf = buf;
        this.pos = offset;
        this.end = offset + length;
        this.what = what;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return end - pos;
    }

    public boolean hasRemaining() {
        return pos < end;
    }

    public byte[] array() {
        return buf;
    }

    public HaechiException corrupt(String problem) {
        return new HaechiException(ErrorCode.CORRUPT_STORED_DATA,
                what + " is corrupt at byte " + pos + ": " + problem);
    }

    private void need(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw corrupt("truncated: " + field + " needs " + n + " bytes, " + (end - pos) + " left");
        }
    }

    public int readByte(String field) {
        need(1, field);
        return buf[pos++] & 0xFF;
    }

    public int readShort(String field) {
        need(2, field);
        int v = ((buf[pos] & 0xFF) << 8) | (buf[pos + 1] & 0xFF);
        pos += 2;
        return v;
    }

    public int readInt(String field) {
        need(4, field);
        int v = 0;
        for (int i = 0; i < 4; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readLong(String field) {
        need(8, field);
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[pos++] & 0xFF);
        }
        return v;
    }

    public long readVarLong(String field) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            need(1, field);
            int b = buf[pos++];
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return v;
            }
        }
        throw corrupt(field + " is a varint longer than 10 bytes");
    }

    /** A varint that must fit a non-negative int (lengths, counts). */
    public int readVarIntNonNegative(String field) {
        long v = readVarLong(field);
        if (v < 0 || v > Integer.MAX_VALUE) {
            throw corrupt(field + " = " + Long.toUnsignedString(v) + " is out of range");
        }
        return (int) v;
    }

    public long readSignedVarLong(String field) {
        long v = readVarLong(field);
        return (v >>> 1) ^ -(v & 1);
    }

    public byte[] readBytes(int n, String field) {
        need(n, field);
        byte[] out = new byte[n];
        System.arraycopy(buf, pos, out, 0, n);
        pos += n;
        return out;
    }

    public void skip(int n, String field) {
        need(n, field);
        pos += n;
    }

    public String readString(String field) {
        int n = readVarIntNonNegative(field + " length");
        need(n, field);
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    public void expectEnd() {
        if (pos != end) {
            throw corrupt((end - pos) + " unexpected trailing bytes");
        }
    }
}
