package io.haechi.model.expr;

import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;

/** Orderings of non-null canonical values of two comparable types. */
final class Comparisons {
    private Comparisons() {
    }

    /** The ordering for values of types {@code a} and {@code b} (either may be null for a NULL literal). */
    static Comparator<Object> forTypes(DataType a, DataType b) {
        DataType t = a != null ? a : b;
        if (t == null) {
            return (x, y) -> 0;
        }
        DataType u = b != null ? b : a;
        TypeName x = t.name();
        TypeName y = u.name();
        if (x.isNumeric()) {
            if (x.isInteger() && y.isInteger()) {
                return (p, q) -> Long.compare(((Number) p).longValue(), ((Number) q).longValue());
            }
            if (x == TypeName.DOUBLE || y == TypeName.DOUBLE) {
                return (p, q) -> Double.compare(((Number) p).doubleValue(), ((Number) q).doubleValue());
            }
            return (p, q) -> decimal(p).compareTo(decimal(q));
        }
        if (x.isTemporal()) {
            if (x == TypeName.DATE && y == TypeName.DATE) {
                return (p, q) -> ((LocalDate) p).compareTo((LocalDate) q);
            }
            return (p, q) -> timestamp(p).compareTo(timestamp(q));
        }
        if (x == TypeName.BOOLEAN) {
            return (p, q) -> Boolean.compare((Boolean) p, (Boolean) q);
        }
        return (p, q) -> ((String) p).compareTo((String) q);
    }

    private static BigDecimal decimal(Object v) {
        return Values.toDecimal(v);
    }

    private static LocalDateTime timestamp(Object v) {
        return v instanceof LocalDate d ? d.atStartOfDay() : (LocalDateTime) v;
    }
}
