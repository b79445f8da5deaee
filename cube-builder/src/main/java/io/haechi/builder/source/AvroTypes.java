package io.haechi.builder.source;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.ColumnDesc;
import io.haechi.model.table.DataType;
import java.util.List;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * Maps Avro field schemas to column types:
 * <table>
 * <caption>Avro to column type</caption>
 * <tr><td>int</td><td>INT</td></tr>
 * <tr><td>int (date)</td><td>DATE</td></tr>
 * <tr><td>long</td><td>BIGINT</td></tr>
 * <tr><td>long (timestamp-millis/micros/nanos, local-timestamp-*)</td><td>TIMESTAMP</td></tr>
 * <tr><td>float, double</td><td>DOUBLE</td></tr>
 * <tr><td>boolean</td><td>BOOLEAN</td></tr>
 * <tr><td>string, enum</td><td>VARCHAR</td></tr>
 * <tr><td>bytes or fixed (decimal(p,s), p at most 38)</td><td>DECIMAL(p,s)</td></tr>
 * <tr><td>union of null and one of the above</td><td>the same, nullable</td></tr>
 * </table>
 * Anything else (records, arrays, maps, plain bytes/fixed, time-of-day, unions of two non-null types) is
 * unsupported: the error names the field.
 */
final class AvroTypes {
    private AvroTypes() {
    }

    /** The column for a top-level field of a record schema; {@code what} names the file for messages. */
    static ColumnDesc column(Schema.Field field, String what) {
        Schema schema = field.schema();
        boolean nullable = false;
        if (schema.getType() == Schema.Type.UNION) {
            List<Schema> branches = schema.getTypes();
            Schema value = null;
            for (Schema b : branches) {
                if (b.getType() == Schema.Type.NULL) {
                    nullable = true;
                } else if (value == null) {
                    value = b;
                } else {
                    throw unsupported(field, what, "a union of several non-null types " + schema
                            + "; only [\"null\", T] unions are supported");
                }
            }
            if (value == null) {
                throw unsupported(field, what, "a union of only null");
            }
            schema = value;
        }
        return new ColumnDesc(field.name(), type(field, schema, what), nullable);
    }

    private static DataType type(Schema.Field field, Schema s, String what) {
        LogicalType logical = s.getLogicalType();
        switch (s.getType()) {
            case INT:
                if (logical == null) {
                    return DataType.INT;
                }
                if (logical instanceof LogicalTypes.Date) {
                    return DataType.DATE;
                }
                throw unsupported(field, what, "int with logical type " + logical.getName());
            case LONG:
                if (logical == null) {
                    return DataType.BIGINT;
                }
                if (logical instanceof LogicalTypes.TimestampMillis || logical instanceof LogicalTypes.TimestampMicros
                        || logical instanceof LogicalTypes.TimestampNanos
                        || logical instanceof LogicalTypes.LocalTimestampMillis
                        || logical instanceof LogicalTypes.LocalTimestampMicros
                        || logical instanceof LogicalTypes.LocalTimestampNanos) {
                    return DataType.TIMESTAMP;
                }
                throw unsupported(field, what, "long with logical type " + logical.getName());
            case FLOAT:
            case DOUBLE:
                return DataType.DOUBLE;
            case BOOLEAN:
                return DataType.BOOLEAN;
            case STRING:
            case ENUM:
                return DataType.VARCHAR;
            case BYTES:
            case FIXED:
                if (logical instanceof LogicalTypes.Decimal d) {
                    if (d.getPrecision() > 38) {
                        throw unsupported(field, what, "decimal(" + d.getPrecision() + "," + d.getScale()
                                + "): at most 38 digits are supported");
                    }
                    return DataType.decimal(d.getPrecision(), d.getScale());
                }
                throw unsupported(field, what, s.getType().getName() + " without a decimal logical type");
            default:
                throw unsupported(field, what, s.getType().getName()
                        + " (nested types are not supported; flatten the field into columns)");
        }
    }

    private static HaechiException unsupported(Schema.Field field, String what, String detail) {
        return new HaechiException(ErrorCode.SCHEMA_INFERENCE_FAILED,
                "field '" + field.name() + "' of " + what + " has an unsupported type: " + detail);
    }
}
