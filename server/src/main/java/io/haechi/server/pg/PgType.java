package io.haechi.server.pg;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The PostgreSQL types Haechi sends and accepts, with their real OIDs (pg_type.oid), lengths and the JDBC type each
 * one maps from. Clients decode values by these OIDs (pgjdbc's binary transfer, psqlODBC's SQL types), so they must
 * be PostgreSQL's.
 */
public enum PgType {
    BOOL(16, "bool", 1, Types.BOOLEAN, 'B', 1000),
    BYTEA(17, "bytea", -1, Types.VARBINARY, 'U', 1001),
    CHAR(18, "char", 1, Types.CHAR, 'S', 1002),
    NAME(19, "name", 64, Types.VARCHAR, 'S', 1003),
    INT8(20, "int8", 8, Types.BIGINT, 'N', 1016),
    INT2(21, "int2", 2, Types.SMALLINT, 'N', 1005),
    INT2VECTOR(22, "int2vector", -1, Types.ARRAY, 'A', 1006),
    INT4(23, "int4", 4, Types.INTEGER, 'N', 1007),
    REGPROC(24, "regproc", 4, Types.VARCHAR, 'N', 1008),
    TEXT(25, "text", -1, Types.VARCHAR, 'S', 1009),
    OID(26, "oid", 4, Types.INTEGER, 'N', 1028),
    OIDVECTOR(30, "oidvector", -1, Types.ARRAY, 'A', 1013),
    FLOAT4(700, "float4", 4, Types.REAL, 'N', 1021),
    FLOAT8(701, "float8", 8, Types.DOUBLE, 'N', 1022),
    UNKNOWN(705, "unknown", -2, Types.OTHER, 'X', 0),
    BOOL_ARRAY(1000, "_bool", -1, Types.ARRAY, 'A', 0),
    INT2_ARRAY(1005, "_int2", -1, Types.ARRAY, 'A', 0),
    INT4_ARRAY(1007, "_int4", -1, Types.ARRAY, 'A', 0),
    TEXT_ARRAY(1009, "_text", -1, Types.ARRAY, 'A', 0),
    VARCHAR_ARRAY(1015, "_varchar", -1, Types.ARRAY, 'A', 0),
    INT8_ARRAY(1016, "_int8", -1, Types.ARRAY, 'A', 0),
    FLOAT8_ARRAY(1022, "_float8", -1, Types.ARRAY, 'A', 0),
    OID_ARRAY(1028, "_oid", -1, Types.ARRAY, 'A', 0),
    BPCHAR(1042, "bpchar", -1, Types.CHAR, 'S', 1014),
    VARCHAR(1043, "varchar", -1, Types.VARCHAR, 'S', 1015),
    DATE(1082, "date", 4, Types.DATE, 'D', 1182),
    TIME(1083, "time", 8, Types.TIME, 'D', 1183),
    TIMESTAMP(1114, "timestamp", 8, Types.TIMESTAMP, 'D', 1115),
    TIMESTAMPTZ(1184, "timestamptz", 8, Types.TIMESTAMP_WITH_TIMEZONE, 'D', 1185),
    INTERVAL(1186, "interval", 16, Types.OTHER, 'T', 1187),
    NUMERIC(1700, "numeric", -1, Types.DECIMAL, 'N', 1231),
    REGCLASS(2205, "regclass", 4, Types.INTEGER, 'N', 2210),
    UUID(2950, "uuid", 16, Types.OTHER, 'U', 2951),
    REGTYPE(2206, "regtype", 4, Types.INTEGER, 'N', 2211);

    private static final Map<Integer, PgType> BY_OID = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(t -> t.oid, Function.identity()));

    public final int oid;
    public final String typname;
    /** pg_type.typlen: bytes of a fixed-width value, -1 for variable width, -2 for a C string. */
    public final short length;
    public final int jdbcType;
    /** pg_type.typcategory. */
    public final char category;
    /** pg_type.typarray: the OID of the array of this type (0: none listed). */
    public final int arrayOid;

    PgType(int oid, String typname, int length, int jdbcType, char category, int arrayOid) {
        this.oid = oid;
        this.typname = typname;
        this.length = (short) length;
        this.jdbcType = jdbcType;
        this.category = category;
        this.arrayOid = arrayOid;
    }

    public static Optional<PgType> byOid(int oid) {
        return Optional.ofNullable(BY_OID.get(oid));
    }

    /** The type a result column of this JDBC type is sent as. */
    public static PgType ofJdbc(int jdbcType, String typeName) {
        switch (jdbcType) {
            case Types.BOOLEAN:
            case Types.BIT:
                return BOOL;
            case Types.TINYINT:
            case Types.SMALLINT:
                return INT2;
            case Types.INTEGER:
                return INT4;
            case Types.BIGINT:
                return INT8;
            case Types.REAL:
                // Calcite computes REAL results in double precision (the JDBC endpoint returns those doubles); float4
                // would round them on the client.
            case Types.FLOAT:
            case Types.DOUBLE:
                return FLOAT8;
            case Types.DECIMAL:
            case Types.NUMERIC:
                return NUMERIC;
            case Types.CHAR:
            case Types.NCHAR:
                return BPCHAR;
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
                return VARCHAR;
            case Types.DATE:
                return DATE;
            case Types.TIME:
            case Types.TIME_WITH_TIMEZONE:
                return TIME;
            case Types.TIMESTAMP:
                return TIMESTAMP;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return TIMESTAMPTZ;
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return BYTEA;
            case Types.ARRAY:
                return arrayOf(typeName);
            default:
                return TEXT;
        }
    }

    /** An array column from its engine type name ({@code INTEGER ARRAY}, {@code VARCHAR(20) ARRAY}, ...). */
    private static PgType arrayOf(String typeName) {
        String t = typeName == null ? "" : typeName.toUpperCase(Locale.ROOT);
        if (t.startsWith("SMALLINT") || t.startsWith("TINYINT")) {
            return INT2_ARRAY;
        }
        if (t.startsWith("INTEGER")) {
            return INT4_ARRAY;
        }
        if (t.startsWith("BIGINT")) {
            return INT8_ARRAY;
        }
        if (t.startsWith("BOOLEAN")) {
            return BOOL_ARRAY;
        }
        if (t.startsWith("DOUBLE") || t.startsWith("FLOAT") || t.startsWith("REAL")) {
            return FLOAT8_ARRAY;
        }
        return TEXT_ARRAY;
    }

    public boolean isArray() {
        return category == 'A';
    }

    /** The element type of an array type. */
    public PgType element() {
        switch (this) {
            case INT2_ARRAY:
            case INT2VECTOR:
                return INT2;
            case INT4_ARRAY:
                return INT4;
            case INT8_ARRAY:
                return INT8;
            case BOOL_ARRAY:
                return BOOL;
            case FLOAT8_ARRAY:
                return FLOAT8;
            case OID_ARRAY:
            case OIDVECTOR:
                return OID;
            case VARCHAR_ARRAY:
                return VARCHAR;
            default:
                return TEXT;
        }
    }

    /** The type modifier of a column: varchar(n) is n + 4, numeric(p, s) is ((p << 16) | s) + 4, else -1. */
    public static int typmod(PgType type, int precision, int scale) {
        if ((type == VARCHAR || type == BPCHAR) && precision > 0 && precision < 10_485_760) {
            return precision + 4;
        }
        if (type == NUMERIC && precision > 0 && precision <= 1000) {
            return ((precision << 16) | (Math.max(scale, 0) & 0xffff)) + 4;
        }
        return -1;
    }

    /** {@code format_type(oid, typmod)}: the SQL name clients show, e.g. {@code character varying(20)}. */
    public static String formatType(int oid, Integer typmod) {
        Optional<PgType> t = byOid(oid);
        if (t.isEmpty()) {
            return "???";
        }
        int mod = typmod == null ? -1 : typmod;
        switch (t.get()) {
            case BOOL: return "boolean";
            case INT2: return "smallint";
            case INT4: return "integer";
            case INT8: return "bigint";
            case FLOAT4: return "real";
            case FLOAT8: return "double precision";
            case VARCHAR: return mod > 4 ? "character varying(" + (mod - 4) + ")" : "character varying";
            case BPCHAR: return mod > 4 ? "character(" + (mod - 4) + ")" : "character";
            case NUMERIC:
                return mod > 4 ? "numeric(" + ((mod - 4) >> 16) + "," + ((mod - 4) & 0xffff) + ")" : "numeric";
            case TIMESTAMP: return "timestamp without time zone";
            case TIMESTAMPTZ: return "timestamp with time zone";
            case TIME: return "time without time zone";
            case CHAR: return "\"char\"";
            case INT2_ARRAY: return "smallint[]";
            case INT4_ARRAY: return "integer[]";
            case INT8_ARRAY: return "bigint[]";
            case TEXT_ARRAY: return "text[]";
            case VARCHAR_ARRAY: return "character varying[]";
            case BOOL_ARRAY: return "boolean[]";
            case FLOAT8_ARRAY: return "double precision[]";
            case OID_ARRAY: return "oid[]";
            default: return t.get().typname;
        }
    }
}
