package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.Map;

/**
 * Exact COUNT_DISTINCT (alias {@code BITMAP}): BIGINT and TIMESTAMP through 64-bit Roaring ({@link
 * CountDistinct64Type}); SMALLINT, INT, BOOLEAN, DATE directly in a 32-bit Roaring bitmap; other types through the
 * column's global dictionary into a 32-bit bitmap ({@link CountDistinctBitmapType}).
 */
public final class CountDistinctKind implements MeasureKind {
    @Override
    public String function() {
        return "COUNT_DISTINCT";
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("BITMAP");
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireArgument(this, argumentType);
        MeasureTypes.requireNoParams(this, params);
        return switch (argumentType.name()) {
            case BIGINT, TIMESTAMP -> new CountDistinct64Type(argumentType);
            default -> new CountDistinctBitmapType(argumentType, context.globalDictionary());
        };
    }
}
