package io.haechi.server.pg;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Values in PostgreSQL's wire formats: result values encoded as text (as PostgreSQL prints them: {@code t}/{@code f},
 * ISO dates, shortest floats) or binary (network-order integers, days and microseconds since 2000-01-01, base-10000
 * numerics), and parameter values decoded from either format into the Java types the engine binds.
 */
final class PgValues {
    static final LocalDate PG_EPOCH = LocalDate.of(2000, 1, 1);
    private static final LocalDateTime PG_EPOCH_TIME = PG_EPOCH.atStartOfDay();
    private static final DateTimeFormatter TIMESTAMP_TEXT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
            .appendPattern("HH:mm:ss").appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true).toFormatter();
    private static final DateTimeFormatter TIMESTAMP_PARSE = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd().optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter();

    private PgValues() {
    }

    // ---- results

    /** Column {@code i} of the current row in the text format, or null for SQL NULL. */
    static byte[] text(ResultSet rs, int i, int jdbcType, PgType type) throws SQLException {
        String s = textString(rs, i, jdbcType, type);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    static String textString(ResultSet rs, int i, int jdbcType, PgType type) throws SQLException {
        switch (type) {
            case DATE:
            case TIME:
            case TIMESTAMP:
            case TIMESTAMPTZ: {
                String s = rs.getString(i);
                return s == null ? null : datetimeText(type, s);
            }
            default:
                break;
        }
        Object v = rs.getObject(i);
        if (v == null) {
            return null;
        }
        return textOf(v, type);
    }

    /** The text form of a value PostgreSQL prints for {@code type}. */
    static String textOf(Object v, PgType type) throws SQLException {
        if (v instanceof Boolean b) {
            return b ? "t" : "f";
        }
        if (v instanceof Double d) {
            return floatText(d, false);
        }
        if (v instanceof Float f) {
            return floatText(f, true);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        if (v instanceof byte[] bytes) {
            return "\\x" + HexFormat.of().formatHex(bytes);
        }
        if (v instanceof Array a) {
            return arrayText(a.getArray(), type.element());
        }
        if (v instanceof Object[] a) {
            return arrayText(a, type.element());
        }
        if (v instanceof List<?> list) {
            return arrayText(list.toArray(), type.element());
        }
        if (v instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return v.toString();
    }

    private static String arrayText(Object elements, PgType element) throws SQLException {
        Object[] items = elements instanceof Object[] o ? o : boxed(elements);
        StringBuilder b = new StringBuilder("{");
        for (int k = 0; k < items.length; k++) {
            if (k > 0) {
                b.append(',');
            }
            if (items[k] == null) {
                b.append("NULL");
                continue;
            }
            String s = textOf(items[k], element);
            boolean quote = s.isEmpty() || s.equalsIgnoreCase("NULL") || s.chars().anyMatch(
                    c -> c == ',' || c == '{' || c == '}' || c == '"' || c == '\\' || Character.isWhitespace(c));
            if (quote) {
                b.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
            } else {
                b.append(s);
            }
        }
        return b.append('}').toString();
    }

    private static Object[] boxed(Object primitiveArray) {
        int n = java.lang.reflect.Array.getLength(primitiveArray);
        Object[] out = new Object[n];
        for (int k = 0; k < n; k++) {
            out[k] = java.lang.reflect.Array.get(primitiveArray, k);
        }
        return out;
    }

    /** Floats as PostgreSQL 12+ prints them (shortest exact form): {@code 1}, {@code 0.5}, {@code 1e+20}. */
    static String floatText(double d, boolean single) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        String s = single ? Float.toString((float) d) : Double.toString(d);
        int e = s.indexOf('E');
        String mantissa = e < 0 ? s : s.substring(0, e);
        if (mantissa.endsWith(".0")) {
            mantissa = mantissa.substring(0, mantissa.length() - 2);
        }
        if (e < 0) {
            return mantissa;
        }
        int exponent = Integer.parseInt(s.substring(e + 1));
        if (exponent >= -4 && exponent < (single ? 7 : 15)) {
            return new BigDecimal(s).toPlainString();
        }
        return mantissa + "e" + (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
    }

    /** Avatica's date/time strings ({@code 1997-01-01 00:00:00}) in PostgreSQL's ISO forms. */
    private static String datetimeText(PgType type, String s) {
        switch (type) {
            case DATE:
                return s.length() > 10 ? s.substring(0, 10) : s;
            case TIMESTAMP:
                return TIMESTAMP_TEXT.format(parseTimestamp(s));
            case TIMESTAMPTZ:
                return TIMESTAMP_TEXT.format(parseTimestamp(s)) + "+00";
            default:
                return s;
        }
    }

    /** Column {@code i} of the current row in the binary format, or null for SQL NULL. */
    static byte[] binary(ResultSet rs, int i, int jdbcType, PgType type) throws SQLException {
        switch (type) {
            case BOOL: {
                boolean v = rs.getBoolean(i);
                return rs.wasNull() ? null : new byte[] {(byte) (v ? 1 : 0)};
            }
            case INT2: {
                short v = rs.getShort(i);
                return rs.wasNull() ? null : ByteBuffer.allocate(2).putShort(v).array();
            }
            case INT4:
            case OID: {
                int v = rs.getInt(i);
                return rs.wasNull() ? null : ByteBuffer.allocate(4).putInt(v).array();
            }
            case INT8: {
                long v = rs.getLong(i);
                return rs.wasNull() ? null : ByteBuffer.allocate(8).putLong(v).array();
            }
            case FLOAT4: {
                float v = rs.getFloat(i);
                return rs.wasNull() ? null : ByteBuffer.allocate(4).putFloat(v).array();
            }
            case FLOAT8: {
                double v = rs.getDouble(i);
                return rs.wasNull() ? null : ByteBuffer.allocate(8).putDouble(v).array();
            }
            case NUMERIC: {
                BigDecimal v = rs.getBigDecimal(i);
                return v == null ? null : numericBinary(v);
            }
            case DATE: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                long days = ChronoUnit.DAYS.between(PG_EPOCH, LocalDate.parse(s.substring(0, 10)));
                return ByteBuffer.allocate(4).putInt((int) days).array();
            }
            case TIMESTAMP:
            case TIMESTAMPTZ: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                long micros = ChronoUnit.MICROS.between(PG_EPOCH_TIME, parseTimestamp(s));
                return ByteBuffer.allocate(8).putLong(micros).array();
            }
            case TIME: {
                String s = rs.getString(i);
                if (s == null) {
                    return null;
                }
                long micros = LocalTime.parse(s).toNanoOfDay() / 1000;
                return ByteBuffer.allocate(8).putLong(micros).array();
            }
            case BYTEA: {
                return rs.getBytes(i);
            }
            default:
                // Text-like types: the binary form is the UTF-8 text.
                return text(rs, i, jdbcType, type);
        }
    }

    /** Whether {@code type} has a binary form here (others are always sent as text). */
    static boolean hasBinary(PgType type) {
        return !type.isArray() && type != PgType.UNKNOWN && type != PgType.INTERVAL && type != PgType.UUID;
    }

    static byte[] numericBinary(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        int dscale = Math.max(value.scale(), 0);
        if (v.signum() == 0) {
            return ByteBuffer.allocate(8).putShort((short) 0).putShort((short) 0).putShort((short) 0)
                    .putShort((short) dscale).array();
        }
        short sign = (short) (v.signum() < 0 ? 0x4000 : 0);
        BigInteger unscaled = v.abs().unscaledValue();
        int scale = v.scale();
        // Align the scale to a multiple of 4 digits so the value splits into base-10000 digits.
        int padded = scale <= 0 ? 0 : ((scale + 3) / 4) * 4;
        if (scale < 0) {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(-scale));
        } else {
            unscaled = unscaled.multiply(BigInteger.TEN.pow(padded - scale));
        }
        List<Short> digits = new ArrayList<>();
        BigInteger tenThousand = BigInteger.valueOf(10_000);
        while (unscaled.signum() > 0) {
            BigInteger[] qr = unscaled.divideAndRemainder(tenThousand);
            digits.add(0, qr[1].shortValue());
            unscaled = qr[0];
        }
        int fractionGroups = padded / 4;
        int weight = digits.size() - fractionGroups - 1;
        // Drop trailing zero groups (they carry no value) and leading ones.
        int end = digits.size();
        while (end > 0 && digits.get(end - 1) == 0) {
            end--;
        }
        int start = 0;
        while (start < end && digits.get(start) == 0) {
            start++;
            weight--;
        }
        int n = end - start;
        ByteBuffer b = ByteBuffer.allocate(8 + 2 * n);
        b.putShort((short) n).putShort((short) weight).putShort(sign).putShort((short) dscale);
        for (int k = start; k < end; k++) {
            b.putShort(digits.get(k));
        }
        return b.array();
    }

    static BigDecimal numericFromBinary(ByteBuffer b) {
        int n = b.getShort();
        int weight = b.getShort();
        int sign = b.getShort() & 0xffff;
        int dscale = b.getShort();
        if (sign == 0xC000) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "a NaN numeric parameter is not supported");
        }
        BigDecimal v = BigDecimal.ZERO;
        for (int k = 0; k < n; k++) {
            v = v.add(BigDecimal.valueOf(b.getShort()).scaleByPowerOfTen(4 * (weight - k)));
        }
        v = v.setScale(dscale, java.math.RoundingMode.UNNECESSARY);
        return sign == 0x4000 ? v.negate() : v;
    }

    private static LocalDateTime parseTimestamp(String s) {
        String t = s.strip();
        int zone = Math.max(t.lastIndexOf('+'), t.indexOf(' ') > 0 ? t.lastIndexOf('-') : -1);
        if (zone > 10) {
            t = t.substring(0, zone).strip();
        }
        return LocalDateTime.parse(t, TIMESTAMP_PARSE);
    }

    // ---- parameters

    /**
     * A parameter value for the engine: from its wire bytes (null for SQL NULL), its format (0 text, 1 binary), the
     * type the client declared (0: none) and the JDBC type the engine inferred for the placeholder.
     */
    static Object parameter(byte[] bytes, int format, int declaredOid, int engineJdbcType, int position) {
        if (bytes == null) {
            return null;
        }
        PgType declared = PgType.byOid(declaredOid).orElse(PgType.UNKNOWN);
        if (format == 1) {
            return binaryParameter(bytes, declared, declaredOid, position);
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        PgType as = declared != PgType.UNKNOWN && declared != PgType.TEXT && declared != PgType.VARCHAR
                ? declared : PgType.ofJdbc(engineJdbcType, null);
        try {
            return textParameter(text, as);
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "parameter $" + position + ": invalid input syntax "
                    + "for type " + as.typname + ": \"" + abbreviate(text) + "\"", e);
        }
    }

    private static Object textParameter(String text, PgType as) {
        String t = text.strip();
        switch (as) {
            case BOOL: {
                String l = t.toLowerCase(Locale.ROOT);
                if (l.equals("t") || l.equals("true") || l.equals("yes") || l.equals("on") || l.equals("1")) {
                    return Boolean.TRUE;
                }
                if (l.equals("f") || l.equals("false") || l.equals("no") || l.equals("off") || l.equals("0")) {
                    return Boolean.FALSE;
                }
                throw new NumberFormatException(t);
            }
            case INT2:
                return Short.parseShort(t);
            case INT4:
            case OID:
                return Integer.parseInt(t);
            case INT8:
                return Long.parseLong(t);
            case FLOAT4:
                return Float.parseFloat(t);
            case FLOAT8:
                return Double.parseDouble(t);
            case NUMERIC:
                return new BigDecimal(t);
            case DATE:
                return java.sql.Date.valueOf(LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t));
            case TIMESTAMP:
            case TIMESTAMPTZ:
                return java.sql.Timestamp.valueOf(parseTimestamp(t));
            case TIME:
                return java.sql.Time.valueOf(LocalTime.parse(t));
            default:
                return text;
        }
    }

    private static Object binaryParameter(byte[] bytes, PgType declared, int declaredOid, int position) {
        ByteBuffer b = ByteBuffer.wrap(bytes);
        try {
            switch (declared) {
                case BOOL:
                    return bytes[0] != 0;
                case INT2:
                    return b.getShort();
                case INT4:
                case OID:
                    return b.getInt();
                case INT8:
                    return b.getLong();
                case FLOAT4:
                    return b.getFloat();
                case FLOAT8:
                    return b.getDouble();
                case NUMERIC:
                    return numericFromBinary(b);
                case DATE:
                    return java.sql.Date.valueOf(PG_EPOCH.plusDays(b.getInt()));
                case TIMESTAMP:
                case TIMESTAMPTZ:
                    return java.sql.Timestamp.valueOf(PG_EPOCH_TIME.plus(b.getLong(), ChronoUnit.MICROS));
                case TIME:
                    return java.sql.Time.valueOf(LocalTime.ofNanoOfDay(b.getLong() * 1000));
                case BYTEA:
                    return bytes;
                case UUID:
                    return new java.util.UUID(b.getLong(), b.getLong()).toString();
                case TEXT:
                case VARCHAR:
                case BPCHAR:
                case NAME:
                case UNKNOWN:
                    return new String(bytes, StandardCharsets.UTF_8);
                default:
                    break;
            }
        } catch (java.nio.BufferUnderflowException | ArithmeticException e) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "parameter $" + position + ": " + bytes.length
                    + " bytes are not a binary " + declared.typname, e);
        }
        throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "parameter $" + position + ": the binary format of "
                + "type OID " + declaredOid + " is not supported; send it as text");
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    /** The JDBC type a parameter is bound with when its type is known only from the client. */
    static int jdbcTypeOf(int oid) {
        return PgType.byOid(oid).map(t -> t.jdbcType).orElse(Types.VARCHAR);
    }
}
