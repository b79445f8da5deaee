package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * {@code dict}: an order-preserving dictionary of one dimension's distinct values in one segment. Code {@code i} is the
 * {@code i}-th smallest value (codes 0..n-1), so codes sort like values and filters become code ranges; the code width
 * is the fewest bytes (1..4) whose all-0xFF code is free for NULL: up to 255 values take 1 byte, 65,535 take 2,
 * 16,777,215 take 3, more take 4.
 *
 * <p>Values are held in their {@link SortableBytes} form, concatenated in one array with an offset table, and looked
 * up by binary search: about (bytes of values + 4 per value) of heap, with no per-value objects.
 *
 * <p><b>Format (version 1)</b>, big-endian, see {@link #toBytes}: magic {@code "HDIC"}, version byte {@code 1}, the
 * type as text (varint length + UTF-8, e.g. {@code VARCHAR(25)}), the value count (varint), the code width (byte),
 * then the values in code order, front-coded: per value the length shared with the previous value (varint), the
 * length of the rest (varint), the rest; finally the CRC-32 of everything before it (4 bytes).
 */
public final class OrderedDictionary implements DimensionEncoding {
    static final byte[] MAGIC = {'H', 'D', 'I', 'C'};
    public static final int FORMAT_VERSION = 1;
    /** The most values a 4-byte code can hold with one code left for NULL, bounded by Java array size. */
    public static final int MAX_SIZE = Integer.MAX_VALUE - 8;

    private final DataType type;
    private final SortableBytes form;
    private final byte[] data;
    private final int[] offsets;
    private final int width;

    /** From values in their sortable form, strictly ascending: {@code offsets} has size+1 entries into {@code data}. */
    OrderedDictionary(DataType type, byte[] data, int[] offsets) {
        this.type = requireNonNull(type, "type is null");
        this.form = new SortableBytes(type);
        this.data = data;
        this.offsets = offsets;
        this.width = widthFor(offsets.length - 1);
    }

    /** A dictionary of the given values (any order, duplicates and NULLs ignored). */
    public static OrderedDictionary of(DataType type, Iterable<?> values) {
        DictionaryBuilder b = new DictionaryBuilder(type, "dictionary");
        for (Object v : values) {
            b.add(v);
        }
        return b.build();
    }

    /** The code width for {@code cardinality} values: the fewest bytes that leave the all-0xFF code for NULL. */
    public static int widthFor(int cardinality) {
        if (cardinality < 0) {
            throw new IllegalArgumentException("cardinality is negative: " + cardinality);
        }
        if (cardinality <= 0xFF) {
            return 1;
        }
        if (cardinality <= 0xFFFF) {
            return 2;
        }
        if (cardinality <= 0xFFFFFF) {
            return 3;
        }
        return 4;
    }

    @Override
    public DataType type() {
        return type;
    }

    @Override
    public int width() {
        return width;
    }

    @Override
    public String spec() {
        return "dict";
    }

    public int size() {
        return offsets.length - 1;
    }

    /** The code of a value, or -1 when it is not in the dictionary (or is NULL). */
    public int idOf(Object value) {
        Object canonical = Values.coerce(value, type, "dictionary look-up");
        if (canonical == null) {
            return -1;
        }
        int i = search(form.toBytes(canonical));
        return i >= 0 ? i : -1;
    }

    /** The value of code {@code id}, 0 <= id < size. */
    public Object valueOf(int id) {
        if (id < 0 || id >= size()) {
            throw new IllegalArgumentException("code " + id + " is not in a dictionary of " + size() + " values");
        }
        return form.fromBytes(data, offsets[id], offsets[id + 1] - offsets[id]);
    }

    /** The smallest code whose value is >= value (> unless inclusive), or -1 when there is none. */
    public int ceilingId(Object value, boolean inclusive) {
        byte[] key = form.toBytes(requireNonNull(Values.coerce(value, type, "filter constant"), "value is null"));
        int i = search(key);
        int c = i >= 0 ? (inclusive ? i : i + 1) : -i - 1;
        return c < size() ? c : -1;
    }

    /** The largest code whose value is <= value (< unless inclusive), or -1 when there is none. */
    public int floorId(Object value, boolean inclusive) {
        byte[] key = form.toBytes(requireNonNull(Values.coerce(value, type, "filter constant"), "value is null"));
        int i = search(key);
        return i >= 0 ? (inclusive ? i : i - 1) : -i - 2;
    }

    @Override
    public void encode(Object value, byte[] out, int offset) {
        Object canonical = Values.coerce(value, type, "dictionary-encoded dimension");
        if (canonical == null) {
            Arrays.fill(out, offset, offset + width, (byte) 0xFF);
            return;
        }
        int id = search(form.toBytes(canonical));
        if (id < 0) {
            throw new HaechiException(ErrorCode.VALUE_NOT_ENCODABLE, "value '" + value + "' is not in the " + type
                    + " dictionary of " + size() + " values (a dictionary holds the values seen when it was built)");
        }
        writeCode(id, out, offset);
    }

    /** Writes code {@code id} in this dictionary's width. */
    public void writeCode(int id, byte[] out, int offset) {
        for (int i = width - 1; i >= 0; i--) {
            out[offset + i] = (byte) id;
            id >>>= 8;
        }
    }

    /** The code at {@code in[offset..)} as an int, -1 for NULL. */
    public int readCode(byte[] in, int offset) {
        if (isNull(in, offset)) {
            return -1;
        }
        int id = 0;
        for (int i = 0; i < width; i++) {
            id = (id << 8) | (in[offset + i] & 0xFF);
        }
        return id;
    }

    @Override
    public Object decode(byte[] in, int offset) {
        int id = readCode(in, offset);
        if (id < 0) {
            return null;
        }
        if (id >= size()) {
            throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA,
                    "code " + id + " is not in a dictionary of " + size() + " values");
        }
        return valueOf(id);
    }

    @Override
    public byte[] ceilingCode(Object value, boolean inclusive) {
        int id = ceilingId(value, inclusive);
        return id < 0 ? null : code(id);
    }

    @Override
    public byte[] floorCode(Object value, boolean inclusive) {
        int id = floorId(value, inclusive);
        return id < 0 ? null : code(id);
    }

    /** Code 0; meaningless for an empty dictionary (ranges over it are empty). */
    @Override
    public byte[] minCode() {
        return code(0);
    }

    @Override
    public byte[] maxCode() {
        return code(Math.max(0, size() - 1));
    }

    private byte[] code(int id) {
        byte[] out = new byte[width];
        writeCode(id, out, 0);
        return out;
    }

    private int search(byte[] key) {
        int lo = 0;
        int hi = size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Arrays.compareUnsigned(data, offsets[mid], offsets[mid + 1], key, 0, key.length);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The serialised form (see the class comment). */
    public byte[] toBytes() {
        ByteWriter w = new ByteWriter(data.length / 2 + 64);
        w.writeBytes(MAGIC).writeByte(FORMAT_VERSION).writeString(type.toString());
        w.writeVarInt(size()).writeByte(width);
        int prevStart = 0;
        int prevLen = 0;
        for (int i = 0; i < size(); i++) {
            int start = offsets[i];
            int len = offsets[i + 1] - start;
            int shared = 0;
            int max = Math.min(len, prevLen);
            while (shared < max && data[prevStart + shared] == data[start + shared]) {
                shared++;
            }
            w.writeVarInt(shared).writeVarInt(len - shared).writeBytes(data, start + shared, len - shared);
            prevStart = start;
            prevLen = len;
        }
        CRC32 crc = new CRC32();
        crc.update(w.array(), 0, w.size());
        return w.writeInt((int) crc.getValue()).toByteArray();
    }

    /**
     * Reads {@link #toBytes} output; every defect (wrong magic, unknown version, truncation, bad checksum, values
     * out of order) fails with a {@link HaechiException} naming {@code source}.
     */
    public static OrderedDictionary fromBytes(byte[] bytes, String source) {
        ByteReader r = new ByteReader(bytes, "dictionary " + source);
        byte[] magic = r.readBytes(4, "magic");
        if (!Arrays.equals(magic, MAGIC)) {
            throw r.corrupt("not a Haechi dictionary (magic " + hex(magic) + ", expected 48444943 \"HDIC\")");
        }
        int version = r.readByte("version");
        if (version != FORMAT_VERSION) {
            throw new HaechiException(ErrorCode.UNSUPPORTED_FORMAT_VERSION, "dictionary " + source
                    + " has format version " + version + "; this Haechi reads version " + FORMAT_VERSION);
        }
        if (bytes.length < 4) {
            throw r.corrupt("no checksum");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, bytes.length - 4);
        int stored = new ByteReader(bytes, bytes.length - 4, 4, "dictionary " + source).readInt("checksum");
        if (stored != (int) crc.getValue()) {
            throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA, "dictionary " + source
                    + " is corrupt: checksum mismatch (truncated or damaged file)");
        }
        ByteReader body = new ByteReader(bytes, r.position(), bytes.length - 4 - r.position(), "dictionary " + source);
        DataType type;
        try {
            type = DataType.parse(body.readString("type"));
        } catch (HaechiException e) {
            throw body.corrupt(e.getMessage());
        }
        int n = body.readVarIntNonNegative("count");
        int width = body.readByte("width");
        if (width != widthFor(n)) {
            throw body.corrupt("width " + width + " does not match " + n + " values");
        }
        int fixed = new SortableBytes(type).fixedLength();
        int[] offsets = new int[n + 1];
        ByteWriter data = new ByteWriter(Math.min(body.remaining() * 2, 1 << 20));
        int prevStart = 0;
        int prevLen = 0;
        for (int i = 0; i < n; i++) {
            int shared = body.readVarIntNonNegative("shared prefix length");
            int rest = body.readVarIntNonNegative("value length");
            if (shared > prevLen) {
                throw body.corrupt("value " + i + " shares " + shared + " bytes with a value of " + prevLen);
            }
            int start = data.size();
            data.writeBytes(data.array(), prevStart, shared);
            data.writeBytes(body.readBytes(rest, "value"));
            int len = shared + rest;
            if (fixed >= 0 && len != fixed) {
                throw body.corrupt("value " + i + " has " + len + " bytes, a " + type + " has " + fixed);
            }
            if (i > 0 && Arrays.compareUnsigned(data.array(), prevStart, prevStart + prevLen,
                    data.array(), start, start + len) >= 0) {
                throw body.corrupt("value " + i + " is not greater than value " + (i - 1));
            }
            offsets[i + 1] = start + len;
            prevStart = start;
            prevLen = len;
        }
        body.expectEnd();
        return new OrderedDictionary(type, data.toByteArray(), offsets);
    }

    static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder();
        for (byte x : b) {
            sb.append(String.format("%02x", x & 0xFF));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "dict of " + size() + " " + type + " values, " + width + " bytes";
    }
}
