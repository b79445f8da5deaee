package io.haechi.model.measure;

import io.haechi.model.dict.ByteReader;
import io.haechi.model.dict.ByteWriter;
import io.haechi.model.dict.Values;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Compact codecs of single canonical values, shared by the scalar measures. Integers, dates (days) and timestamps
 * (microseconds) are zig-zag varints; DOUBLE 8 bytes of IEEE bits; DECIMAL the unscaled value's minimal two's
 * complement bytes (the scale is the type's, not stored); strings a 0x00 marker then UTF-8 (so that "" is not the
 * empty NULL state); BOOLEAN one byte.
 */
final class MeasureCodecs {
    private MeasureCodecs() {
    }

    static HaechiException corrupt(MeasureType type, String problem) {
        return new HaechiException(ErrorCode.CORRUPT_STORED_DATA, "stored state of " + type.describe()
                + " is corrupt: " + problem);
    }

    static ByteReader reader(MeasureType type, byte[] in, int offset, int length) {
        return new ByteReader(in, offset, length, new Object() {
            @Override
            public String toString() {
                return "stored state of " + type.describe();
            }
        });
    }

    static void writeValue(DataType type, Object v, ByteWriter out) {
        switch (type.name()) {
            case BOOLEAN -> out.writeByte((Boolean) v ? 1 : 0);
            case SMALLINT, INT, BIGINT -> out.writeSignedVarLong(((Number) v).longValue());
            case DATE -> out.writeSignedVarLong(((LocalDate) v).toEpochDay());
            case TIMESTAMP -> out.writeSignedVarLong(Values.epochMicros((LocalDateTime) v));
            case DOUBLE -> out.writeLong(Double.doubleToLongBits((Double) v));
            case DECIMAL -> out.writeBytes(((BigDecimal) v).unscaledValue().toByteArray());
            case CHAR, VARCHAR -> out.writeByte(0).writeBytes(((String) v).getBytes(StandardCharsets.UTF_8));
            default -> throw new IllegalStateException("no codec for " + type);
        }
    }

    /** Reads one value spanning all of the reader's remaining bytes. */
    static Object readValue(DataType type, ByteReader r) {
        Object v = switch (type.name()) {
            case BOOLEAN -> r.readByte("boolean") != 0;
            case SMALLINT -> (short) r.readSignedVarLong("smallint");
            case INT -> (int) r.readSignedVarLong("int");
            case BIGINT -> r.readSignedVarLong("bigint");
            case DATE -> LocalDate.ofEpochDay(r.readSignedVarLong("date"));
            case TIMESTAMP -> Values.fromEpochMicros(r.readSignedVarLong("timestamp"));
            case DOUBLE -> Double.longBitsToDouble(r.readLong("double"));
            case DECIMAL -> {
                byte[] b = r.readBytes(r.remaining(), "decimal");
                if (b.length == 0) {
                    throw r.corrupt("empty decimal");
                }
                yield new BigDecimal(new BigInteger(b), type.scale());
            }
            case CHAR, VARCHAR -> {
                if (r.readByte("string marker") != 0) {
                    throw r.corrupt("bad string marker");
                }
                yield new String(r.readBytes(r.remaining(), "string"), StandardCharsets.UTF_8);
            }
            default -> throw new IllegalStateException("no codec for " + type);
        };
        r.expectEnd();
        return v;
    }
}
