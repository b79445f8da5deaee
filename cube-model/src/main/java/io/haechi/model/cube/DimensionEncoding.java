package io.haechi.model.cube;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.util.Locale;

/**
 * How a dimension's values become fixed-width row-key bytes (the descriptor side only). Spelled {@code dict},
 * {@code integer}, {@code integer:N} (N bytes, 1..8), {@code date}, {@code fixed_length:N} (N bytes, 1..256).
 *
 * @param kind the encoding
 * @param length bytes for INTEGER (0 = chosen from the type) and FIXED_LENGTH; 0 otherwise
 */
public record DimensionEncoding(Kind kind, int length) {
    public static final DimensionEncoding DICT = new DimensionEncoding(Kind.DICT, 0);

    /** Encoding kinds. */
    public enum Kind {
        /** Order-preserving dictionary codes; any type. */
        DICT,
        /** The integer itself, order-preserving; integer columns. */
        INTEGER,
        /** Days since epoch; DATE columns. */
        DATE,
        /** The string's bytes padded or cut to N; CHAR/VARCHAR columns. */
        FIXED_LENGTH
    }

    public DimensionEncoding {
        requireNonNull(kind, "kind is null");
        boolean ok = switch (kind) {
            case DICT, DATE -> length == 0;
            case INTEGER -> length >= 0 && length <= 8;
            case FIXED_LENGTH -> length >= 1 && length <= 256;
        };
        if (!ok) {
            throw invalid("encoding " + kind.name().toLowerCase(Locale.ROOT) + " does not take length " + length);
        }
    }

    public static DimensionEncoding parse(String text) {
        requireNonNull(text, "text is null");
        String t = text.trim().toLowerCase(Locale.ROOT);
        int colon = t.indexOf(':');
        String word = colon < 0 ? t : t.substring(0, colon);
        int length = 0;
        if (colon >= 0) {
            try {
                length = Integer.parseInt(t.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw invalid("'" + text + "' is not an encoding: the length after ':' must be a number");
            }
        }
        Kind kind = switch (word) {
            case "dict" -> Kind.DICT;
            case "integer", "int" -> Kind.INTEGER;
            case "date" -> Kind.DATE;
            case "fixed_length" -> Kind.FIXED_LENGTH;
            default -> throw invalid("'" + text + "' is not an encoding; expected dict, integer[:N], date or "
                    + "fixed_length:N");
        };
        if (kind == Kind.FIXED_LENGTH && colon < 0) {
            throw invalid("fixed_length needs a length, e.g. fixed_length:12");
        }
        return new DimensionEncoding(kind, length);
    }

    private static HaechiException invalid(String message) {
        return new HaechiException(ErrorCode.INVALID_DESCRIPTOR, message);
    }

    @Override
    public String toString() {
        String word = kind.name().toLowerCase(Locale.ROOT);
        return length == 0 ? word : word + ":" + length;
    }
}
