package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.Map;

/** COUNT(*) (argument type {@code null}) and COUNT(col) of any type, as BIGINT. */
public final class CountKind implements MeasureKind {
    @Override
    public String function() {
        return "COUNT";
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireNoParams(this, params);
        return new CountType(argumentType);
    }
}
