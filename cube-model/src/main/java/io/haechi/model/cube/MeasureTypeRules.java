package io.haechi.model.cube;

import io.haechi.model.expr.ExprTypes;
import io.haechi.model.table.DataType;
import io.haechi.model.table.TypeName;

/** Which argument types each function aggregates, and to what. */
final class MeasureTypeRules {
    private MeasureTypeRules() {
    }

    /** The result type of {@code function} over {@code argument} (null for COUNT(*)), or null if not allowed. */
    static DataType resultOf(MeasureFunction function, DataType argument) {
        return switch (function) {
            case COUNT -> DataType.BIGINT;
            case SUM -> ExprTypes.sumOf(argument);
            case MIN, MAX -> argument.name() == TypeName.BOOLEAN ? null : argument;
            case COUNT_DISTINCT -> {
                TypeName n = argument.name();
                yield n.isInteger() || n.isString() || n == TypeName.DATE ? DataType.BIGINT : null;
            }
        };
    }

    static String allowed(MeasureFunction function) {
        return switch (function) {
            case SUM -> "SUM needs a numeric argument (integer, DECIMAL or DOUBLE)";
            case MIN, MAX -> function + " needs a number, string, date or timestamp";
            case COUNT_DISTINCT -> "exact COUNT_DISTINCT needs an integer, string or DATE column (bitmap of 64-bit "
                    + "ids, strings through a dictionary)";
            case COUNT -> "COUNT takes any column";
        };
    }

    /** Whether a declared return type is acceptable for the inferred one. */
    static boolean accepts(DataType declared, DataType inferred) {
        if (declared.equals(inferred)) {
            return true;
        }
        return declared.name() == TypeName.DECIMAL && inferred.name() == TypeName.DECIMAL
                && declared.scale() == inferred.scale();
    }
}
