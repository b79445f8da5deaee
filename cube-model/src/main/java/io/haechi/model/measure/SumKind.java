package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.Map;

/** SUM: integers to BIGINT (overflow is an error), DECIMAL(p,s) to DECIMAL(38,s), DOUBLE to DOUBLE. */
public final class SumKind implements MeasureKind {
    @Override
    public String function() {
        return "SUM";
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireArgument(this, argumentType);
        MeasureTypes.requireNoParams(this, params);
        return switch (argumentType.name()) {
            case SMALLINT, INT, BIGINT -> new SumLongType(argumentType);
            case DECIMAL -> new SumDecimalType(argumentType);
            case DOUBLE -> new SumDoubleType(argumentType);
            default -> throw MeasureTypes.badArgument(this, argumentType, "a numeric column");
        };
    }
}
