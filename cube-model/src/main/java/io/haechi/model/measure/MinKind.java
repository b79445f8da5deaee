package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.Map;

/** MIN of any column type. */
public final class MinKind implements MeasureKind {
    @Override
    public String function() {
        return "MIN";
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireArgument(this, argumentType);
        MeasureTypes.requireNoParams(this, params);
        return new MinMaxType(argumentType, false);
    }
}
