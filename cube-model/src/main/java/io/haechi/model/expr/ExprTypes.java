package io.haechi.model.expr;

import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;

/**
 * Result-type rules. Integer arithmetic is BIGINT (checked for overflow). DECIMAL follows the usual SQL rules:
 * {@code + -} scale max(s1,s2), precision max(p1-s1,p2-s2)+scale+1; {@code *} precision p1+p2, scale s1+s2;
 * {@code /} scale max(6, s1+p2+1), integer digits p1-s1+s2; {@code %} scale max(s1,s2); all capped at 38 digits
 * (scale shrinks first, not below min(scale, 6)). Any DOUBLE makes DOUBLE. A null type stands for a NULL literal.
 */
public final class ExprTypes {
    private static final int MAX_PRECISION = 38;

    private ExprTypes() {
    }

    /** The type of {@code a op b} for an arithmetic op, or null if an operand is not numeric. */
    public static DataType arithmetic(BinaryOp op, DataType a, DataType b) {
        if (a == null) {
            a = b;
        }
        if (b == null) {
            b = a;
        }
        if (a == null || !a.name().isNumeric() || !b.name().isNumeric()) {
            return null;
        }
        if (a.name() == TypeName.DOUBLE || b.name() == TypeName.DOUBLE) {
            return DataType.DOUBLE;
        }
        if (a.name().isInteger() && b.name().isInteger()) {
            return DataType.BIGINT;
        }
        DataType x = asDecimal(a);
        DataType y = asDecimal(b);
        int p1 = x.precision();
        int s1 = x.scale();
        int p2 = y.precision();
        int s2 = y.scale();
        return switch (op) {
            case ADD, SUBTRACT -> {
                int scale = Math.max(s1, s2);
                yield capped(Math.max(p1 - s1, p2 - s2) + 1, scale);
            }
            case MULTIPLY -> capped(p1 - s1 + p2 - s2, s1 + s2);
            case DIVIDE -> capped(p1 - s1 + s2, Math.max(6, s1 + p2 + 1));
            case MODULO -> {
                int scale = Math.max(s1, s2);
                yield capped(Math.min(p1 - s1, p2 - s2), scale);
            }
            default -> throw new IllegalArgumentException(op + " is not arithmetic");
        };
    }

    /**
     * DECIMAL with {@code integerDigits + scale} digits; over 38 the scale gives way first, but not below
     * min(scale, 6), then the integer digits do (as SQL Server does).
     */
    private static DataType capped(int integerDigits, int scale) {
        integerDigits = Math.max(1, integerDigits);
        if (integerDigits + scale > MAX_PRECISION) {
            scale = Math.max(Math.min(scale, 6), MAX_PRECISION - integerDigits);
        }
        int precision = Math.min(MAX_PRECISION, integerDigits + scale);
        return DataType.decimal(precision, Math.min(scale, precision));
    }

    /** The exact DECIMAL an integer or DECIMAL type fits in. */
    public static DataType asDecimal(DataType t) {
        return switch (t.name()) {
            case SMALLINT -> DataType.decimal(5, 0);
            case INT -> DataType.decimal(10, 0);
            case BIGINT -> DataType.decimal(19, 0);
            case DECIMAL -> t;
            default -> throw new IllegalArgumentException(t + " is not an exact number");
        };
    }

    /** Whether values of the two types can be compared (numbers, strings, date/times, booleans among themselves). */
    public static boolean comparable(DataType a, DataType b) {
        return a == null || b == null || family(a) == family(b);
    }

    /** The type both can be converted to (CASE results, IN lists), or null if there is none. */
    public static DataType common(DataType a, DataType b) {
        if (a == null) {
            return b;
        }
        if (b == null || a.equals(b)) {
            return a;
        }
        if (family(a) != family(b)) {
            return null;
        }
        TypeName x = a.name();
        TypeName y = b.name();
        if (x.isNumeric()) {
            if (x == TypeName.DOUBLE || y == TypeName.DOUBLE) {
                return DataType.DOUBLE;
            }
            if (x.isInteger() && y.isInteger()) {
                return x.ordinal() >= y.ordinal() ? a : b;
            }
            DataType d1 = asDecimal(a);
            DataType d2 = asDecimal(b);
            int scale = Math.max(d1.scale(), d2.scale());
            return capped(Math.max(d1.precision() - d1.scale(), d2.precision() - d2.scale()), scale);
        }
        if (x.isString()) {
            if (a.precision() == 0 || b.precision() == 0) {
                return DataType.VARCHAR;
            }
            return DataType.varchar(Math.max(a.precision(), b.precision()));
        }
        if (x.isTemporal()) {
            return DataType.TIMESTAMP;
        }
        return a;
    }

    /** Whether CAST from one type to the other is allowed. */
    public static boolean castable(DataType from, DataType to) {
        if (from == null || family(from) == family(to)) {
            return true;
        }
        return from.name().isString() || to.name().isString();
    }

    /** The result of SUM over a column of this type: BIGINT for integers, DECIMAL(38,s), DOUBLE; null otherwise. */
    public static DataType sumOf(DataType t) {
        return switch (t.name()) {
            case SMALLINT, INT, BIGINT -> DataType.BIGINT;
            case DECIMAL -> DataType.decimal(MAX_PRECISION, t.scale());
            case DOUBLE -> DataType.DOUBLE;
            default -> null;
        };
    }

    enum Family { NUMBER, STRING, TEMPORAL, BOOLEAN }

    static Family family(DataType t) {
        TypeName n = t.name();
        if (n.isNumeric()) {
            return Family.NUMBER;
        }
        if (n.isString()) {
            return Family.STRING;
        }
        if (n.isTemporal()) {
            return Family.TEMPORAL;
        }
        return Family.BOOLEAN;
    }
}
