package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * {@code fixed_length:N}: the UTF-8 bytes of a string, right-padded with 0x00 to N bytes. For high-cardinality strings
 * where a dictionary would be large. Unlike Kylin's, a value longer than N bytes is an <b>error</b>, not silently
 * truncated (two different values would otherwise share a code). A value containing U+0000 is refused too, since it
 * would be indistinguishable from the padding. Byte order of the codes is code-point order of the strings.
 */
public final class FixedLengthEncoding implements DimensionEncoding {
    private final DataType type;
    private final int length;

    public FixedLengthEncoding(DataType type, int length) {
        this.type = requireNonNull(type, "type is null");
        if (!type.name().isString()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "fixed_length encoding needs a CHAR or VARCHAR column, got " + type);
        }
        if (length < 1 || length > 4096) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "fixed_length:N takes N from 1 to 4096 bytes, got " + length);
        }
        this.length = length;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int width() {
        return length;
    }

    @Override
    public String spec() {
        return "fixed_length:" + length;
    }

    @Override
    public void encode(Object value, byte[] out, int offset) {
        String s = (String) Values.coerce(value, type, "dimension encoded as " + spec());
        if (s == null) {
            Arrays.fill(out, offset, offset + length, (byte) 0xFF);
            return;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length > length) {
            throw Values.notEncodable(value, type, "dimension encoded as " + spec(),
                    "its UTF-8 form has " + b.length + " bytes, more than " + length
                            + "; raise N or use a dictionary (values are never truncated)");
        }
        if (s.indexOf('\0') >= 0) {
            throw Values.notEncodable(value, type, "dimension encoded as " + spec(),
                    "it contains U+0000, which the padding uses");
        }
        System.arraycopy(b, 0, out, offset, b.length);
        Arrays.fill(out, offset + b.length, offset + length, (byte) 0);
    }

    @Override
    public Object decode(byte[] in, int offset) {
        if (isNull(in, offset)) {
            return null;
        }
        int end = offset;
        while (end < offset + length && in[end] != 0) {
            end++;
        }
        return new String(in, offset, end - offset, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] ceilingCode(Object value, boolean inclusive) {
        byte[] b = filterBytes(value);
        int cut = encodablePrefix(b);
        byte[] code = Arrays.copyOf(b, length);
        if (cut == b.length && inclusive) {
            return code;
        }
        // Either the value itself is excluded, or no stored value can equal it (too long / has U+0000): every
        // stored value at or above it is above its encodable prefix.
        Arrays.fill(code, cut, length, (byte) 0);
        return increment(code);
    }

    @Override
    public byte[] floorCode(Object value, boolean inclusive) {
        byte[] b = filterBytes(value);
        int cut = encodablePrefix(b);
        byte[] code = Arrays.copyOf(b, length);
        Arrays.fill(code, cut, length, (byte) 0);
        if (cut < b.length || inclusive) {
            return code;
        }
        return decrement(code);
    }

    @Override
    public byte[] minCode() {
        return new byte[length];
    }

    @Override
    public byte[] maxCode() {
        byte[] b = nullCode();
        b[length - 1] = (byte) 0xFE;
        return b;
    }

    private byte[] filterBytes(Object value) {
        return ((String) Values.coerce(requireNonNull(value, "value is null"), type, "filter constant"))
                .getBytes(StandardCharsets.UTF_8);
    }

    private int encodablePrefix(byte[] b) {
        int n = Math.min(b.length, length);
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return n;
    }

    private byte[] increment(byte[] code) {
        for (int i = code.length - 1; i >= 0; i--) {
            if (++code[i] != 0) {
                return Arrays.equals(code, nullCode()) ? null : code;
            }
        }
        return null;
    }

    private static byte[] decrement(byte[] code) {
        for (int i = code.length - 1; i >= 0; i--) {
            if (code[i]-- != 0) {
                return code;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return spec() + " for " + type;
    }
}
