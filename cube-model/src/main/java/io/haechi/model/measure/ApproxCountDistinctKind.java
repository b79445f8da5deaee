package io.haechi.model.measure;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.table.DataType;
import java.util.Map;

/**
 * APPROX_COUNT_DISTINCT (alias {@code HLL}) with parameter {@code lgK} (4..21, default 12); see
 * {@link HllCountDistinctType}.
 */
public final class ApproxCountDistinctKind implements MeasureKind {
    @Override
    public String function() {
        return "APPROX_COUNT_DISTINCT";
    }

    @Override
    public java.util.List<String> aliases() {
        return java.util.List.of("HLL");
    }

    @Override
    public MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context) {
        MeasureTypes.requireArgument(this, argumentType);
        int lgK = HllCountDistinctType.DEFAULT_LG_K;
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().equals("lgK")) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, function() + " takes only the parameter "
                        + "lgK, not '" + e.getKey() + "'");
            }
            try {
                lgK = Integer.parseInt(e.getValue().trim());
            } catch (NumberFormatException ex) {
                lgK = -1;
            }
            if (lgK < 4 || lgK > 21) {
                throw new HaechiException(ErrorCode.INVALID_DESCRIPTOR, function() + " parameter lgK must be an "
                        + "integer from 4 to 21, got '" + e.getValue() + "'");
            }
        }
        return new HllCountDistinctType(argumentType, lgK);
    }
}
