package io.haechi.model.star;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import java.util.Optional;

/**
 * The fact table's partition column: DATE (or TIMESTAMP) as is, or an INT/BIGINT/VARCHAR holding dates in
 * {@code dateFormat} ({@link java.time.format.DateTimeFormatter} letters, e.g. {@code yyyyMMdd}).
 */
public record PartitionDesc(String column, Optional<String> dateFormat) {
    public PartitionDesc {
        Names.checkIdentifier(column, "partition column");
        requireNonNull(dateFormat, "dateFormat is null");
    }
}
