package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.apache.hadoop.hbase.io.encoding.DataBlockEncoding;

/**
 * Settings of an {@link HBaseCubeStore}.
 *
 * @param stagingRoot where segment writers stage their HFiles before the bulk load (a directory URI or path the region
 *     servers can read: a local directory for the embedded HBase, e.g. {@code hdfs://...} for a cluster)
 * @param namespace the HBase namespace of the segment tables
 * @param blockEncoding the data block encoding of segment tables
 * @param maxGroups the most groups one scan may return; a scan over it fails with {@code TOO_MANY_GROUPS} instead of
 *     running the region server or the query server out of memory (the region side checks it too)
 * @param scanParallelism regions scanned at the same time by one scan
 * @param scanTimeout how long one region's part of a scan may take: the region side aggregates the whole region
 *     inside one scanner RPC, so this bounds the RPC and the client scanner timeouts (hbase.md section 5)
 * @param maxFilesPerRegion the most staged HFiles one region may receive in one bulk load (a segment writes one per
 *     cuboid and shard; HBase's default of 32 is far too low for that layout)
 */
public record CubeStoreOptions(String stagingRoot, String namespace, DataBlockEncoding blockEncoding, long maxGroups,
        int scanParallelism, Duration scanTimeout, int maxFilesPerRegion) {
    public static final long DEFAULT_MAX_GROUPS = 5_000_000;
    public static final Duration DEFAULT_SCAN_TIMEOUT = Duration.ofMinutes(10);

    public CubeStoreOptions {
        requireNonNull(stagingRoot, "stagingRoot is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(blockEncoding, "blockEncoding is null");
        requireNonNull(scanTimeout, "scanTimeout is null");
        if (stagingRoot.isBlank()) {
            throw new IllegalArgumentException("stagingRoot is blank");
        }
        if (maxGroups < 1) {
            throw new IllegalArgumentException("maxGroups must be at least 1, got " + maxGroups);
        }
        if (scanParallelism < 1) {
            throw new IllegalArgumentException("scanParallelism must be at least 1, got " + scanParallelism);
        }
        if (scanTimeout.isNegative() || scanTimeout.isZero() || scanTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("scanTimeout must be positive and under 24 days, got " + scanTimeout);
        }
        if (maxFilesPerRegion < 1) {
            throw new IllegalArgumentException("maxFilesPerRegion must be at least 1, got " + maxFilesPerRegion);
        }
    }

    /** The defaults: namespace {@code haechi}, FAST_DIFF, 5 M groups, 4 parallel regions, 10 minutes a region. */
    public static CubeStoreOptions defaults(String stagingRoot) {
        return new CubeStoreOptions(stagingRoot, HBaseTables.NAMESPACE, DataBlockEncoding.FAST_DIFF,
                DEFAULT_MAX_GROUPS, 4, DEFAULT_SCAN_TIMEOUT, 100_000);
    }

    /** {@link #defaults(String)} staging under a local directory. */
    public static CubeStoreOptions defaults(java.nio.file.Path stagingRoot) {
        return defaults(stagingRoot.toAbsolutePath().toUri().toString());
    }

    /** The options a store configuration asks for (see {@link StoreConfig#STAGING_DIR}, {@link StoreConfig#MAX_GROUPS}). */
    public static CubeStoreOptions from(StoreConfig config) {
        String staging = config.get(StoreConfig.STAGING_DIR).map(String::trim).filter(v -> !v.isEmpty())
                .orElse(null);
        if (staging == null) {
            if (config.isExternal()) {
                throw new io.haechi.model.error.HaechiException(io.haechi.model.error.ErrorCode.INVALID_ARGUMENT,
                        StoreConfig.STAGING_DIR + " is not set: with an external HBase, builds need a staging"
                        + " directory the region servers can read (e.g. hdfs:///tmp/haechi-staging)");
            }
            staging = config.embedded().dataDir().resolve("staging").toAbsolutePath().toUri().toString();
        }
        CubeStoreOptions options = defaults(staging);
        String groups = config.get(StoreConfig.MAX_GROUPS).orElse(null);
        if (groups != null) {
            try {
                options = options.withMaxGroups(Long.parseLong(groups.trim()));
            } catch (IllegalArgumentException e) {
                throw new io.haechi.model.error.HaechiException(io.haechi.model.error.ErrorCode.INVALID_ARGUMENT,
                        StoreConfig.MAX_GROUPS + " must be a positive number, got '" + groups + "'", e);
            }
        }
        return options;
    }

    public CubeStoreOptions withMaxGroups(long groups) {
        return new CubeStoreOptions(stagingRoot, namespace, blockEncoding, groups, scanParallelism, scanTimeout,
                maxFilesPerRegion);
    }

    public CubeStoreOptions withBlockEncoding(DataBlockEncoding encoding) {
        return new CubeStoreOptions(stagingRoot, namespace, encoding, maxGroups, scanParallelism, scanTimeout,
                maxFilesPerRegion);
    }

    public CubeStoreOptions withScanParallelism(int parallelism) {
        return new CubeStoreOptions(stagingRoot, namespace, blockEncoding, maxGroups, parallelism, scanTimeout,
                maxFilesPerRegion);
    }

    public CubeStoreOptions withScanTimeout(Duration timeout) {
        return new CubeStoreOptions(stagingRoot, namespace, blockEncoding, maxGroups, scanParallelism, timeout,
                maxFilesPerRegion);
    }
}
