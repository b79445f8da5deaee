package io.haechi.model.table;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column type: a {@link TypeName} plus precision and scale for DECIMAL and a length for CHAR/VARCHAR. Its string
 * form is SQL ({@code DECIMAL(18,2)}, {@code VARCHAR(25)}, {@code BIGINT}) and round-trips through {@link #parse}.
 *
 * @param name the type
 * @param precision DECIMAL precision (1..38) or CHAR/VARCHAR length (1..65535, or 0 for unbounded VARCHAR); 0 otherwise
 * @param scale DECIMAL scale (0..precision); 0 otherwise
 */
public record DataType(TypeName name, int precision, int scale) {
    private static final Pattern SPELLING =
            Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*");

    public static final DataType BOOLEAN = new DataType(TypeName.BOOLEAN, 0, 0);
    public static final DataType SMALLINT = new DataType(TypeName.SMALLINT, 0, 0);
    public static final DataType INT = new DataType(TypeName.INT, 0, 0);
    public static final DataType BIGINT = new DataType(TypeName.BIGINT, 0, 0);
    public static final DataType DOUBLE = new DataType(TypeName.DOUBLE, 0, 0);
    public static final DataType VARCHAR = new DataType(TypeName.VARCHAR, 0, 0);
    public static final DataType DATE = new DataType(TypeName.DATE, 0, 0);
    public static final DataType TIMESTAMP = new DataType(TypeName.TIMESTAMP, 0, 0);

    public DataType {
        requireNonNull(name, "name is null");
        switch (name) {
            case DECIMAL -> {
                if (precision < 1 || precision > 38) {
                    throw invalid("DECIMAL precision must be between 1 and 38, got " + precision);
                }
                if (scale < 0 || scale > precision) {
                    throw invalid("DECIMAL scale must be between 0 and the precision " + precision + ", got " + scale);
                }
            }
            case CHAR, VARCHAR -> {
                if (precision < 0 || precision > 65535 || (name == TypeName.CHAR && precision == 0)) {
                    throw invalid(name + " length must be between 1 and 65535, got " + precision);
                }
                if (scale != 0) {
                    throw invalid(name + " takes a length only, not a scale");
                }
            }
            default -> {
                if (precision != 0 || scale != 0) {
                    throw invalid(name + " takes no precision or length");
                }
            }
        }
    }

    public static DataType decimal(int precision, int scale) {
        return new DataType(TypeName.DECIMAL, precision, scale);
    }

    public static DataType varchar(int length) {
        return new DataType(TypeName.VARCHAR, length, 0);
    }

    public static DataType character(int length) {
        return new DataType(TypeName.CHAR, length, 0);
    }

    /**
     * Parses the SQL spelling of a type: {@code INT}, {@code INTEGER}, {@code BIGINT}, {@code DECIMAL(18,2)},
     * {@code VARCHAR(25)}, {@code VARCHAR}, {@code CHAR(1)}, {@code DATE}, {@code TIMESTAMP}, ...
     */
    public static DataType parse(String text) {
        requireNonNull(text, "text is null");
        Matcher m = SPELLING.matcher(text);
        if (!m.matches()) {
            throw invalid("'" + text + "' is not a column type; expected one of BOOLEAN, SMALLINT, INT, BIGINT, "
                    + "DECIMAL(p,s), DOUBLE, CHAR(n), VARCHAR(n), DATE, TIMESTAMP");
        }
        String word = m.group(1).toUpperCase(Locale.ROOT);
        Integer p = m.group(2) == null ? null : Integer.valueOf(m.group(2));
        Integer s = m.group(3) == null ? null : Integer.valueOf(m.group(3));
        TypeName name = switch (word) {
            case "BOOLEAN", "BOOL" -> TypeName.BOOLEAN;
            case "SMALLINT", "TINYINT" -> TypeName.SMALLINT;
            case "INT", "INTEGER" -> TypeName.INT;
            case "BIGINT", "LONG" -> TypeName.BIGINT;
            case "DECIMAL", "NUMERIC" -> TypeName.DECIMAL;
            case "DOUBLE", "FLOAT", "REAL" -> TypeName.DOUBLE;
            case "CHAR", "CHARACTER" -> TypeName.CHAR;
            case "VARCHAR", "STRING" -> TypeName.VARCHAR;
            case "DATE" -> TypeName.DATE;
            case "TIMESTAMP" -> TypeName.TIMESTAMP;
            default -> throw invalid("'" + text + "' is not a column type; expected one of BOOLEAN, SMALLINT, INT, "
                    + "BIGINT, DECIMAL(p,s), DOUBLE, CHAR(n), VARCHAR(n), DATE, TIMESTAMP");
        };
        if (name == TypeName.DECIMAL) {
            return new DataType(name, p == null ? 18 : p, s == null ? 0 : s);
        }
        if (name == TypeName.CHAR) {
            return new DataType(name, p == null ? 1 : p, s == null ? 0 : s);
        }
        return new DataType(name, p == null ? 0 : p, s == null ? 0 : s);
    }

    @Override
    public String toString() {
        return switch (name) {
            case DECIMAL -> "DECIMAL(" + precision + "," + scale + ")";
            case CHAR -> "CHAR(" + precision + ")";
            case VARCHAR -> precision == 0 ? "VARCHAR" : "VARCHAR(" + precision + ")";
            default -> name.name();
        };
    }

    private static HaechiException invalid(String message) {
        return new HaechiException(ErrorCode.INVALID_TYPE, message);
    }
}
