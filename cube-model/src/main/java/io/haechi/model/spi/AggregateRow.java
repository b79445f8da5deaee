package io.haechi.model.spi;

import static java.util.Objects.requireNonNull;

/**
 * One group of a scan: the row key of the group (shard bytes zeroed, cuboid id = the request's groupBy, the group's
 * codes) and the measure states of the requested measures, encoded as the request's layout says.
 */
public record AggregateRow(byte[] key, byte[] measureCell) {
    public AggregateRow {
        requireNonNull(key, "key is null");
        requireNonNull(measureCell, "measureCell is null");
    }
}
