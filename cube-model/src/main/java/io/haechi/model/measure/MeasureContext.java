package io.haechi.model.measure;

import io.haechi.model.dict.GlobalDictionary;
import java.util.Optional;

/**
 * What a measure may need beyond its type: the global dictionary of its column, which exact COUNT(DISTINCT) over a
 * non-integer column uses at build time to turn values into ids. Queries merge stored states and need none.
 *
 * @param globalDictionary the column's global dictionary, or {@code null}
 */
public record MeasureContext(GlobalDictionary globalDictionary) {
    public static final MeasureContext NONE = new MeasureContext(null);

    public Optional<GlobalDictionary> dictionary() {
        return Optional.ofNullable(globalDictionary);
    }
}
