package io.haechi.query;

import static java.util.Objects.requireNonNull;

import io.haechi.query.rewrite.CubeRewriter.OnNoRealization;
import java.time.Duration;

/**
 * The query engine's settings.
 *
 * @param onNoRealization a query no cube answers fails (ERROR) or reads the raw source tables (PUSHDOWN)
 * @param metadataRefresh how long a project's metadata snapshot is reused before the catalog is read again
 */
public record QuerySettings(OnNoRealization onNoRealization, Duration metadataRefresh) {
    public QuerySettings {
        requireNonNull(onNoRealization, "onNoRealization is null");
        requireNonNull(metadataRefresh, "metadataRefresh is null");
    }

    public static QuerySettings defaults() {
        return new QuerySettings(OnNoRealization.ERROR, Duration.ofSeconds(1));
    }
}
