package io.haechi.query.schema;

import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Haechi column types as Calcite types, and canonical values ({@code io.haechi.model.dict.Values}) as Calcite's
 * internal representation (DATE as int days, TIMESTAMP as long millis, DECIMAL as BigDecimal).
 */
public final class SqlTypes {
    private SqlTypes() {
    }

    /** The Calcite type of a column; CHAR becomes VARCHAR so that comparisons never pad. */
    public static RelDataType of(RelDataTypeFactory types, DataType type, boolean nullable) {
        RelDataType t = switch (type.name()) {
            case BOOLEAN -> types.createSqlType(SqlTypeName.BOOLEAN);
            case SMALLINT -> types.createSqlType(SqlTypeName.SMALLINT);
            case INT -> types.createSqlType(SqlTypeName.INTEGER);
            case BIGINT -> types.createSqlType(SqlTypeName.BIGINT);
            case DECIMAL -> types.createSqlType(SqlTypeName.DECIMAL, type.precision(), type.scale());
            case DOUBLE -> types.createSqlType(SqlTypeName.DOUBLE);
            case CHAR, VARCHAR -> type.precision() > 0 ? types.createSqlType(SqlTypeName.VARCHAR, type.precision())
                    : types.createSqlType(SqlTypeName.VARCHAR);
            case DATE -> types.createSqlType(SqlTypeName.DATE);
            case TIMESTAMP -> types.createSqlType(SqlTypeName.TIMESTAMP, 3);
        };
        return types.createTypeWithNullability(t, nullable);
    }

    /** A canonical value as Calcite's internal value of {@code target}; numbers are converted to the target type. */
    public static Object toInternal(Object value, RelDataType target) {
        if (value == null) {
            return null;
        }
        SqlTypeName name = target.getSqlTypeName();
        return switch (name) {
            case DATE -> value instanceof LocalDate d ? (int) d.toEpochDay() : value;
            case TIMESTAMP -> value instanceof LocalDateTime t ? t.toInstant(ZoneOffset.UTC).toEpochMilli() : value;
            case TINYINT -> ((Number) value).byteValue();
            case SMALLINT -> ((Number) value).shortValue();
            case INTEGER -> ((Number) value).intValue();
            case BIGINT -> value instanceof BigDecimal b ? b.longValueExact() : ((Number) value).longValue();
            case DOUBLE, FLOAT, REAL -> ((Number) value).doubleValue();
            case DECIMAL -> decimal(value, target.getScale());
            case CHAR, VARCHAR -> value.toString();
            default -> value;
        };
    }

    private static BigDecimal decimal(Object value, int scale) {
        BigDecimal d = value instanceof BigDecimal b ? b
                : value instanceof Double || value instanceof Float ? BigDecimal.valueOf(((Number) value).doubleValue())
                : BigDecimal.valueOf(((Number) value).longValue());
        return scale >= 0 && scale != Integer.MIN_VALUE ? d.setScale(scale, RoundingMode.HALF_UP) : d;
    }
}
