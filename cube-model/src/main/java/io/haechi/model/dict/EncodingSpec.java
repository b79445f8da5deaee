package io.haechi.model.dict;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.Locale;

/**
 * A dimension encoding as a cube descriptor spells it: {@code dict}, {@code integer} / {@code integer:N},
 * {@code date}, {@code timestamp}, {@code boolean}, {@code fixed_length:N}.
 *
 * @param kind the encoding kind
 * @param length N for {@code integer:N} and {@code fixed_length:N}; 0 when not given
 */
public record EncodingSpec(Kind kind, int length) {
    /** Encoding kinds. */
    public enum Kind {
        DICT, INTEGER, DATE, TIMESTAMP, BOOLEAN, FIXED_LENGTH
    }

    public EncodingSpec {
        requireNonNull(kind, "kind is null");
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative, got " + length);
        }
        if (kind == Kind.FIXED_LENGTH && length == 0) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "fixed_length needs a length: fixed_length:N");
        }
    }

    public static EncodingSpec parse(String text) {
        requireNonNull(text, "text is null");
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String word = colon < 0 ? t : t.substring(0, colon);
        int n = 0;
        if (colon >= 0) {
            try {
                n = Integer.parseInt(t.substring(colon + 1).trim());
            } catch (NumberFormatException e) {
                throw bad(text);
            }
            if (n < 1) {
                throw bad(text);
            }
        }
        Kind kind = switch (word) {
            case "dict" -> Kind.DICT;
            case "integer", "int" -> Kind.INTEGER;
            case "date" -> Kind.DATE;
            case "timestamp", "time" -> Kind.TIMESTAMP;
            case "boolean" -> Kind.BOOLEAN;
            case "fixed_length" -> Kind.FIXED_LENGTH;
            default -> throw bad(text);
        };
        if (n != 0 && kind != Kind.INTEGER && kind != Kind.FIXED_LENGTH) {
            throw bad(text);
        }
        return new EncodingSpec(kind, n);
    }

    /**
     * The encoding for a column of {@code type}. A {@code dict} spec needs the segment's dictionary, built by a
     * {@link DictionaryBuilder}; the others need none.
     */
    public DimensionEncoding create(DataType type, OrderedDictionary dictionary) {
        requireNonNull(type, "type is null");
        return switch (kind) {
            case DICT -> {
                if (dictionary == null) {
                    throw new IllegalArgumentException("a dict encoding needs its dictionary");
                }
                if (!dictionary.type().equals(type)) {
                    throw new IllegalArgumentException("dictionary of " + dictionary.type() + " for a " + type);
                }
                yield dictionary;
            }
            case INTEGER -> new IntegerEncoding(type, length == 0 ? IntegerEncoding.naturalWidth(type) : length);
            case DATE -> requireType(type, DataType.DATE, new DateEncoding());
            case TIMESTAMP -> requireType(type, DataType.TIMESTAMP, new TimestampEncoding());
            case BOOLEAN -> requireType(type, DataType.BOOLEAN, new BooleanEncoding());
            case FIXED_LENGTH -> new FixedLengthEncoding(type, length);
        };
    }

    private DimensionEncoding requireType(DataType type, DataType expected, DimensionEncoding e) {
        if (type.name() != expected.name()) {
            throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR,
                    "encoding '" + this + "' needs a " + expected + " column, got " + type);
        }
        return e;
    }

    private static HaechiException bad(String text) {
        return new HaechiException(ErrorCode.INVALID_DESCRIPTOR, "'" + text + "' is not a dimension encoding; "
                + "expected dict, integer, integer:N (1-8), date, timestamp, boolean or fixed_length:N");
    }

    @Override
    public String toString() {
        String word = kind.name().toLowerCase(Locale.ROOT);
        return length == 0 ? word : word + ":" + length;
    }
}
