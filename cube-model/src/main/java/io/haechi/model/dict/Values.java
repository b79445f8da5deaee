package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;

/**
 * The Java value of each column type, and the one place raw values (from Avro, CSV, SQL literals) are turned into it.
 *
 * <table>
 * <caption>Canonical Java values</caption>
 * <tr><th>type</th><th>value</th><th>also accepted by {@link #coerce}</th></tr>
 * <tr><td>BOOLEAN</td><td>Boolean</td><td>true/false/t/f/yes/no/y/n/1/0 (any case)</td></tr>
 * <tr><td>SMALLINT, INT, BIGINT</td><td>Short, Integer, Long</td>
 * <td>any integral Number in range; decimal text</td></tr>
 * <tr><td>DECIMAL(p,s)</td><td>BigDecimal with scale exactly s</td><td>any Number or text; more decimals are rounded
 * half-up; more than p digits is an error</td></tr>
 * <tr><td>DOUBLE</td><td>Double</td><td>any Number; text</td></tr>
 * <tr><td>CHAR, VARCHAR</td><td>String</td><td>any CharSequence (e.g. Avro's Utf8)</td></tr>
 * <tr><td>DATE</td><td>LocalDate</td><td>Integer/Long days since 1970-01-01 (Avro's date); ISO text</td></tr>
 * <tr><td>TIMESTAMP</td><td>LocalDateTime, microsecond precision</td><td>Instant (taken as UTC); ISO text with 'T' or
 * a space</td></tr>
 * </table>
 *
 * <p>Strings compare by Unicode code point, which is also the unsigned byte order of their UTF-8 form; every
 * encoding and dictionary uses this order, so a code range is the value range.
 */
public final class Values {
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    /** Code-point order of strings; equal to unsigned UTF-8 byte order. */
    public static final Comparator<String> CODE_POINT_ORDER = Values::compareCodePoints;

    private Values() {
    }

    /**
     * Converts {@code raw} to the canonical value of {@code type}; {@code null} stays {@code null}.
     *
     * @param what names the value in an error message, e.g. {@code "dimension lo_orderdate"}
     * @throws HaechiException {@link ErrorCode#VALUE_NOT_ENCODABLE} when the value does not fit the type
     */
    public static Object coerce(Object raw, DataType type, String what) {
        requireNonNull(type, "type is null");
        if (raw == null) {
            return null;
        }
        try {
            return switch (type.name()) {
                case BOOLEAN -> toBoolean(raw, what);
                case SMALLINT -> (short) toLongInRange(raw, Short.MIN_VALUE, Short.MAX_VALUE, type, what);
                case INT -> (int) toLongInRange(raw, Integer.MIN_VALUE, Integer.MAX_VALUE, type, what);
                case BIGINT -> toLongInRange(raw, Long.MIN_VALUE, Long.MAX_VALUE, type, what);
                case DECIMAL -> toDecimal(raw, type, what);
                case DOUBLE -> raw instanceof Number n ? n.doubleValue() : Double.parseDouble(text(raw, type, what));
                case CHAR, VARCHAR -> text(raw, type, what);
                case DATE -> toDate(raw, type, what);
                case TIMESTAMP -> toTimestamp(raw, type, what);
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            throw notEncodable(raw, type, what, e.getMessage());
        }
    }

    /** The order of canonical values of {@code type}; {@code null}s are not allowed here. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static Comparator<Object> comparator(DataType type) {
        if (type.name().isString()) {
            return (a, b) -> compareCodePoints((String) a, (String) b);
        }
        return (a, b) -> ((Comparable) a).compareTo(b);
    }

    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char ca = a.charAt(i);
            char cb = b.charAt(i);
            if (ca != cb) {
                // Surrogates (U+D800..DFFF) encode code points above U+FFFF, so they must sort after U+E000..FFFF.
                boolean sa = Character.isSurrogate(ca);
                boolean sb = Character.isSurrogate(cb);
                if (sa != sb) {
                    return sa ? 1 : -1;
                }
                return ca - cb;
            }
        }
        return a.length() - b.length();
    }

    /** Microseconds since 1970-01-01T00:00 of a TIMESTAMP value. */
    public static long epochMicros(LocalDateTime t) {
        return Math.addExact(Math.multiplyExact(t.toEpochSecond(ZoneOffset.UTC), 1_000_000L), t.getNano() / 1000);
    }

    public static LocalDateTime fromEpochMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC);
    }

    static HaechiException notEncodable(Object raw, DataType type, String what, String why) {
        return new HaechiException(ErrorCode.VALUE_NOT_ENCODABLE,
                what + ": value '" + raw + "' (" + raw.getClass().getSimpleName() + ") is not a valid " + type
                        + (why == null ? "" : ": " + why));
    }

    private static String text(Object raw, DataType type, String what) {
        if (raw instanceof CharSequence || raw instanceof Character) {
            return raw.toString();
        }
        throw notEncodable(raw, type, what, "expected a string");
    }

    private static Boolean toBoolean(Object raw, String what) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Number n && (n.longValue() == 0 || n.longValue() == 1)) {
            return n.longValue() == 1;
        }
        String s = raw.toString().trim().toLowerCase(java.util.Locale.ROOT);
        return switch (s) {
            case "true", "t", "yes", "y", "1" -> Boolean.TRUE;
            case "false", "f", "no", "n", "0" -> Boolean.FALSE;
            default -> throw notEncodable(raw, DataType.BOOLEAN, what,
                    "expected true/false/t/f/yes/no/y/n/1/0");
        };
    }

    private static long toLongInRange(Object raw, long min, long max, DataType type, String what) {
        long v;
        if (raw instanceof Long || raw instanceof Integer || raw instanceof Short || raw instanceof Byte) {
            v = ((Number) raw).longValue();
        } else if (raw instanceof BigInteger bi) {
            if (bi.compareTo(LONG_MIN) < 0 || bi.compareTo(LONG_MAX) > 0) {
                throw notEncodable(raw, type, what, "out of range");
            }
            v = bi.longValue();
        } else if (raw instanceof BigDecimal bd) {
            v = bd.longValueExact();
        } else if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d) || d >= 0x1p63 || d < -0x1p63) {
                throw notEncodable(raw, type, what, "not an integer");
            }
            v = (long) d;
        } else if (raw instanceof CharSequence cs) {
            v = Long.parseLong(cs.toString().trim());
        } else {
            throw notEncodable(raw, type, what, "expected an integer");
        }
        if (v < min || v > max) {
            throw notEncodable(raw, type, what, "out of range [" + min + ", " + max + "]");
        }
        return v;
    }

    private static BigDecimal toDecimal(Object raw, DataType type, String what) {
        BigDecimal d;
        if (raw instanceof BigDecimal bd) {
            d = bd;
        } else if (raw instanceof BigInteger bi) {
            d = new BigDecimal(bi);
        } else if (raw instanceof Double || raw instanceof Float) {
            d = BigDecimal.valueOf(((Number) raw).doubleValue());
        } else if (raw instanceof Number n) {
            d = BigDecimal.valueOf(n.longValue());
        } else if (raw instanceof CharSequence cs) {
            d = new BigDecimal(cs.toString().trim());
        } else {
            throw notEncodable(raw, type, what, "expected a number");
        }
        d = d.setScale(type.scale(), RoundingMode.HALF_UP);
        if (d.precision() > type.precision() && d.signum() != 0) {
            throw notEncodable(raw, type, what, "more than " + type.precision() + " digits");
        }
        return d;
    }

    private static LocalDate toDate(Object raw, DataType type, String what) {
        if (raw instanceof LocalDate d) {
            return d;
        }
        if (raw instanceof Integer || raw instanceof Long) {
            return LocalDate.ofEpochDay(((Number) raw).longValue());
        }
        if (raw instanceof LocalDateTime t) {
            return t.toLocalDate();
        }
        if (raw instanceof CharSequence cs) {
            return LocalDate.parse(cs.toString().trim());
        }
        throw notEncodable(raw, type, what, "expected a date");
    }

    private static LocalDateTime toTimestamp(Object raw, DataType type, String what) {
        LocalDateTime t;
        if (raw instanceof LocalDateTime ldt) {
            t = ldt;
        } else if (raw instanceof Instant i) {
            t = LocalDateTime.ofInstant(i, ZoneOffset.UTC);
        } else if (raw instanceof LocalDate d) {
            t = d.atStartOfDay();
        } else if (raw instanceof CharSequence cs) {
            t = LocalDateTime.parse(cs.toString().trim().replace(' ', 'T'));
        } else {
            throw notEncodable(raw, type, what, "expected a timestamp");
        }
        return t.truncatedTo(ChronoUnit.MICROS);
    }
}
