package io.haechi.query;

import static java.util.Objects.requireNonNull;

import io.haechi.query.rewrite.CubeRewriter.OnNoRealization;
import java.time.Duration;

/**
 * The query engine's settings.
 *
 * @param onNoRealization a query no cube answers fails (ERROR) or reads the raw source tables (PUSHDOWN)
 * @param metadataRefresh how long a project's metadata snapshot is reused before the catalog is read again
 * @param planCacheEntries statements whose plans are kept (keyed by SQL text and metadata signature); 0 = off
 * @param resultCacheEntries cube-scan results kept (keyed by scan, parameters and READY segments); 0 = off
 */
public record QuerySettings(OnNoRealization onNoRealization, Duration metadataRefresh, int planCacheEntries,
        int resultCacheEntries) {
    public QuerySettings {
        requireNonNull(onNoRealization, "onNoRealization is null");
        requireNonNull(metadataRefresh, "metadataRefresh is null");
        if (planCacheEntries < 0 || resultCacheEntries < 0) {
            throw new IllegalArgumentException("cache sizes must be >= 0, got " + planCacheEntries + " and "
                    + resultCacheEntries);
        }
    }

    public QuerySettings(OnNoRealization onNoRealization, Duration metadataRefresh) {
        this(onNoRealization, metadataRefresh, 1000, 1000);
    }

    public static QuerySettings defaults() {
        return new QuerySettings(OnNoRealization.ERROR, Duration.ofSeconds(1));
    }
}
