package io.haechi.server.jdbc;

import java.sql.JDBCType;
import java.sql.Types;
import java.util.Locale;

/**
 * The type columns of {@code DatabaseMetaData.getColumns} as BI tools read them. Calcite reports TYPE_NAME as its full
 * type string ({@code VARCHAR(20) NOT NULL}) and COLUMN_SIZE -1 for types without a declared precision; tools then
 * show odd types or zero-width columns. Here TYPE_NAME is the plain JDBC name and COLUMN_SIZE / DECIMAL_DIGITS follow
 * the JDBC definitions (digits for numbers, characters for strings and datetimes).
 */
final class ColumnTypes {
    /** Calcite's default precision for a VARCHAR without a length. */
    static final int UNBOUNDED_CHARS = 65536;

    private ColumnTypes() {
    }

    /** The plain type name: {@code VARCHAR}, {@code INTEGER}, {@code DECIMAL}, ... */
    static String typeName(int dataType, String engineName) {
        switch (dataType) {
            case Types.OTHER:
            case Types.JAVA_OBJECT:
            case Types.DISTINCT:
            case Types.STRUCT:
            case Types.ARRAY:
                return strip(engineName);
            default:
                try {
                    return JDBCType.valueOf(dataType).getName();
                } catch (IllegalArgumentException e) {
                    return strip(engineName);
                }
        }
    }

    /** COLUMN_SIZE from the type and the engine's precision ({@code null} or negative when it has none). */
    static Integer columnSize(int dataType, Integer precision) {
        int p = precision == null ? -1 : precision;
        switch (dataType) {
            case Types.CHAR:
            case Types.VARCHAR:
            case Types.LONGVARCHAR:
            case Types.NCHAR:
            case Types.NVARCHAR:
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return p > 0 ? p : UNBOUNDED_CHARS;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return p > 0 ? p : 19;
            case Types.TINYINT: return 3;
            case Types.SMALLINT: return 5;
            case Types.INTEGER: return 10;
            case Types.BIGINT: return 19;
            case Types.REAL: return 7;
            case Types.FLOAT:
            case Types.DOUBLE:
                return 15;
            case Types.BOOLEAN:
            case Types.BIT:
                return 1;
            case Types.DATE: return 10;
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return p > 0 ? 9 + p : 8;
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return p > 0 ? 20 + p : 19;
            default:
                return p > 0 ? p : null;
        }
    }

    /** DECIMAL_DIGITS: the scale of decimals, 0 for integers, fractional-second digits for times, else null. */
    static Integer decimalDigits(int dataType, Integer precision, Integer scale) {
        switch (dataType) {
            case Types.DECIMAL:
            case Types.NUMERIC:
                return scale == null || scale < 0 ? 0 : scale;
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return 0;
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
            case Types.TIMESTAMP:
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return precision == null || precision < 0 ? 0 : precision;
            default:
                return null;
        }
    }

    /** {@code VARCHAR(20) NOT NULL} becomes {@code VARCHAR}. */
    static String strip(String engineName) {
        if (engineName == null) {
            return null;
        }
        String s = engineName.replace(" NOT NULL", "");
        int paren = s.indexOf('(');
        if (paren > 0) {
            int close = s.indexOf(')', paren);
            s = s.substring(0, paren) + (close < 0 ? "" : s.substring(close + 1));
        }
        return s.strip().toUpperCase(Locale.ROOT);
    }
}
