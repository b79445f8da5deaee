package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The append-only global dictionary behind exact COUNT(DISTINCT) of non-integer columns: each distinct value gets a
 * dense int id (0, 1, 2, ...) that never changes, so per-segment bitmaps of ids can be OR-ed across segments. New
 * values get the next ids; nothing is ever removed or renumbered. Ids are NOT order-preserving: this is not a
 * dimension encoding.
 *
 * <p>Persistence is append-friendly: {@link #toBytes()} writes everything; {@link #toBytesSince(int)} writes only
 * the ids from a given size on (one build's additions), and {@link #fromBytes} applies a base followed by any chain of
 * such deltas. <b>Format (version 1)</b>: magic {@code "HGDC"}, version byte, type as text, the first id (varint), the
 * count (varint), the values in id order (varint length + sortable bytes each), CRC-32.
 *
 * <p>Thread-safe: look-ups may run while one thread appends. About 60 bytes of heap per value beyond the value bytes;
 * good for tens of millions of values, at most 2^31-1.
 */
public final class GlobalDictionary {
    static final byte[] MAGIC = {'H', 'G', 'D', 'C'};
    public static final int FORMAT_VERSION = 1;

    private final DataType type;
    private final SortableBytes form;
    private final Map<ByteBuffer, Integer> ids = new HashMap<>();
    private byte[][] values = new byte[1024][];
    private int size;

    public GlobalDictionary(DataType type) {
        this.type = requireNonNull(type, "type is null");
        this.form = new SortableBytes(type);
    }

    public DataType type() {
        return type;
    }

    public synchronized int size() {
        return size;
    }

    /** The id of a value, or -1 when it has none yet (or is NULL). */
    public synchronized int idOf(Object value) {
        Object canonical = Values.coerce(value, type, "global dictionary look-up");
        if (canonical == null) {
            return -1;
        }
        Integer id = ids.get(ByteBuffer.wrap(form.toBytes(canonical)));
        return id == null ? -1 : id;
    }

    /** The id of a value, appending it when new; -1 for NULL, which has no id. */
    public synchronized int getOrAdd(Object value) {
        Object canonical = Values.coerce(value, type, "global dictionary");
        if (canonical == null) {
            return -1;
        }
        return getOrAddBytes(form.toBytes(canonical));
    }

    private int getOrAddBytes(byte[] b) {
        ByteBuffer key = ByteBuffer.wrap(b);
        Integer id = ids.get(key);
        if (id != null) {
            return id;
        }
        if (size == Integer.MAX_VALUE) {
            throw new HaechiException(ErrorCode.VALUE_NOT_ENCODABLE,
                    "the global dictionary of " + type + " is full (2^31-1 ids)");
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, values.length * 2);
        }
        values[size] = b;
        ids.put(key, size);
        return size++;
    }

    /** The value of an id, 0 <= id < size. */
    public synchronized Object valueOf(int id) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException("id " + id + " is not in a global dictionary of " + size + " values");
        }
        return form.fromBytes(values[id], 0, values[id].length);
    }

    public byte[] toBytes() {
        return toBytesSince(0);
    }

    /** The ids {@code from..size-1}: a delta to append to a stored dictionary of {@code from} values. */
    public synchronized byte[] toBytesSince(int from) {
        if (from < 0 || from > size) {
            throw new IllegalArgumentException("from " + from + " is outside 0.." + size);
        }
        ByteWriter w = new ByteWriter();
        w.writeBytes(MAGIC).writeByte(FORMAT_VERSION).writeString(type.toString());
        w.writeVarInt(from).writeVarInt(size - from);
        for (int i = from; i < size; i++) {
            w.writeVarInt(values[i].length).writeBytes(values[i]);
        }
        CRC32 crc = new CRC32();
        crc.update(w.array(), 0, w.size());
        return w.writeInt((int) crc.getValue()).toByteArray();
    }

    /** A dictionary from a full image, or a full image followed by deltas in order. */
    public static GlobalDictionary fromBytes(String source, byte[]... parts) {
        GlobalDictionary d = null;
        for (int p = 0; p < parts.length; p++) {
            String what = "global dictionary " + source + (parts.length > 1 ? " part " + p : "");
            byte[] bytes = parts[p];
            ByteReader r = new ByteReader(bytes, what);
            if (!Arrays.equals(r.readBytes(4, "magic"), MAGIC)) {
                throw r.corrupt("not a Haechi global dictionary (expected magic \"HGDC\")");
            }
            int version = r.readByte("version");
            if (version != FORMAT_VERSION) {
                throw new HaechiException(ErrorCode.UNSUPPORTED_FORMAT_VERSION, what + " has format version "
                        + version + "; this Haechi reads version " + FORMAT_VERSION);
            }
            CRC32 crc = new CRC32();
            crc.update(bytes, 0, Math.max(0, bytes.length - 4));
            if (bytes.length < 9
                    || new ByteReader(bytes, bytes.length - 4, 4, what).readInt("checksum") != (int) crc.getValue()) {
                throw new HaechiException(ErrorCode.CORRUPT_STORED_DATA,
                        what + " is corrupt: checksum mismatch (truncated or damaged file)");
            }
            ByteReader body = new ByteReader(bytes, r.position(), bytes.length - 4 - r.position(), what);
            DataType type;
            try {
                type = DataType.parse(body.readString("type"));
            } catch (HaechiException e) {
                throw body.corrupt(e.getMessage());
            }
            if (d == null) {
                d = new GlobalDictionary(type);
            } else if (!d.type.equals(type)) {
                throw body.corrupt("type " + type + " differs from the base's " + d.type);
            }
            int from = body.readVarIntNonNegative("first id");
            if (from != d.size) {
                throw body.corrupt("delta starts at id " + from + " but the dictionary so far has " + d.size
                        + " values (parts missing or out of order)");
            }
            int n = body.readVarIntNonNegative("count");
            for (int i = 0; i < n; i++) {
                byte[] v = body.readBytes(body.readVarIntNonNegative("value length"), "value");
                if (d.getOrAddBytes(v) != from + i) {
                    throw body.corrupt("value " + (from + i) + " repeats an earlier value");
                }
            }
            body.expectEnd();
        }
        if (d == null) {
            throw new IllegalArgumentException("no parts");
        }
        return d;
    }

    @Override
    public String toString() {
        return "global dictionary of " + size() + " " + type + " values";
    }
}
