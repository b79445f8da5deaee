package io.haechi.model.measure;

import io.haechi.model.table.DataType;
import java.util.List;
import java.util.Map;

/**
 * A factory of one aggregate function's {@link MeasureType}s, registered in {@link MeasureTypes} by its function name.
 * Kinds outside this package are found through {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.haechi.model.measure.MeasureKind}).
 */
public interface MeasureKind {
    /** The function name, upper case, e.g. {@code SUM}. */
    String function();

    /** Other names of the same function, upper case. */
    default List<String> aliases() {
        return List.of();
    }

    /**
     * The measure over an argument of {@code argumentType} ({@code null}: no argument, as in COUNT(*)).
     *
     * @param params kind-specific parameters (e.g. {@code lgK} of an HLL), never null
     * @throws io.haechi.model.error.HaechiException {@code INVALID_DESCRIPTOR} naming the function and the type when
     *     the function cannot take that argument or a parameter is wrong
     */
    MeasureType create(DataType argumentType, Map<String, String> params, MeasureContext context);
}
