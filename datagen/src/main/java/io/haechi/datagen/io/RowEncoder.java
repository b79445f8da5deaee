package io.haechi.datagen.io;

import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.TableDesc;
import io.haechi.model.table.TypeName;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Encodes an {@code Object[]} row to Avro binary in the layout of {@link AvroSchemas#of} (zig-zag varints, length-
 * prefixed UTF-8, little-endian doubles, union index 0/1 for nullable columns) into one reused buffer, which is
 * handed to {@code DataFileWriter.appendEncoded}. Avro's own path writes a datum byte by byte into a synchronized
 * stream and costs several times more. Not thread safe.
 */
final class RowEncoder {
    private final TypeName[] types;
    private final boolean[] nullable;
    private byte[] buf = new byte[256];
    private int pos;

    RowEncoder(TableDesc table) {
        List<ColumnDesc> columns = table.columns();
        types = new TypeName[columns.size()];
        nullable = new boolean[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = columns.get(i).type().name();
            nullable[i] = columns.get(i).nullable();
        }
    }

    /** Encodes the row; the returned buffer is valid until the next call. */
    ByteBuffer encode(Object[] row) {
        if (row.length != types.length) {
            throw new IllegalArgumentException("row has " + row.length + " values, the table " + types.length);
        }
        pos = 0;
        for (int i = 0; i < types.length; i++) {
            Object v = row[i];
            if (nullable[i]) {
                writeLong(v == null ? 0 : 1);
                if (v == null) {
                    continue;
                }
            } else if (v == null) {
                throw new IllegalArgumentException("column " + (i + 1) + " is not nullable but the value is null");
            }
            switch (types[i]) {
                case SMALLINT, INT -> writeLong((Integer) v);
                case BIGINT -> writeLong((Long) v);
                case CHAR, VARCHAR -> writeString((String) v);
                case DOUBLE -> writeDouble((Double) v);
                case BOOLEAN -> {
                    ensure(1);
                    buf[pos++] = (byte) (((Boolean) v) ? 1 : 0);
                }
                case DATE -> writeLong(((LocalDate) v).toEpochDay());
                default -> throw new IllegalStateException("unsupported type " + types[i]);
            }
        }
        return ByteBuffer.wrap(buf, 0, pos);
    }

    private void ensure(int more) {
        if (pos + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + more));
        }
    }

    private void writeLong(long value) {
        ensure(10);
        long n = (value << 1) ^ (value >> 63);
        while ((n & ~0x7FL) != 0) {
            buf[pos++] = (byte) ((n & 0x7F) | 0x80);
            n >>>= 7;
        }
        buf[pos++] = (byte) n;
    }

    private void writeString(String s) {
        int length = s.length();
        boolean ascii = true;
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            writeLong(length);
            ensure(length);
            for (int i = 0; i < length; i++) {
                buf[pos++] = (byte) s.charAt(i);
            }
            return;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeLong(bytes.length);
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, pos, bytes.length);
        pos += bytes.length;
    }

    private void writeDouble(double d) {
        ensure(8);
        long bits = Double.doubleToRawLongBits(d);
        for (int i = 0; i < 8; i++) {
            buf[pos++] = (byte) (bits >>> (8 * i));
        }
    }
}
