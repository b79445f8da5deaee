package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.Map;

/** MAX of any column type. */
public final class MaxKind implements MeasureKind {
    @Override
    public String function() {
        return "MAX";
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireArgument(this, argumentType);
        MeasureTypes.requireNoParams(this, params);
        return new MinMaxType(argumentType, true);
    }
}
