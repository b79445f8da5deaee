package io.haechi.builder.segment;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.source.DateInterval;
import io.haechi.model.Names;
import io.haechi.model.table.TableDesc;
import io.haechi.model.validate.ValidatedCube;
import java.util.Map;

/**
 * What one segment build builds.
 *
 * @param cube the validated cube
 * @param tables the model's tables by name, with their locations
 * @param range the days [from, to) of the partition column, or null for an unpartitioned build of every row
 * @param storageId the segment's address in the store
 */
public record SegmentBuildSpec(ValidatedCube cube, Map<String, TableDesc> tables, DateInterval range,
        String storageId) {
    public SegmentBuildSpec {
        requireNonNull(cube, "cube is null");
        tables = Map.copyOf(requireNonNull(tables, "tables is null"));
        Names.checkIdentifier(storageId, "segment storage id");
    }
}
