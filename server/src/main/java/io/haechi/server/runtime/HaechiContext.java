package io.haechi.server.runtime;

import static java.util.Objects.requireNonNull;

import io.haechi.builder.job.JobListener;
import io.haechi.builder.job.JobLog;
import io.haechi.builder.job.JobRunner;
import io.haechi.builder.job.MetadataJobRepository;
import io.haechi.builder.reject.RejectThreshold;
import io.haechi.builder.segment.SegmentBuildConfig;
import io.haechi.builder.service.BuildService;
import io.haechi.builder.source.CsvOptions;
import io.haechi.builder.source.SourceFileSystems;
import io.haechi.builder.source.SourceReaders;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.CubeStore;
import io.haechi.query.HaechiEngine;
import io.haechi.query.QuerySettings;
import io.haechi.query.rewrite.CubeRewriter.OnNoRealization;
import io.haechi.server.query.SourceRawTables;
import io.haechi.storage.hbase.CubeStoreOptions;
import io.haechi.storage.hbase.HBaseCubeStore;
import io.haechi.model.catalog.Catalog;
import io.haechi.model.spi.MetadataStore;
import io.haechi.storage.hbase.HBaseCluster;
import io.haechi.storage.hbase.HBaseMetadataStore;
import io.haechi.storage.hbase.StoreConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

/**
 * What a CLI command or the server works with: the HBase it opened (embedded unless configured otherwise), the
 * metadata store and catalog in it, and the job runner. Closing it stops an embedded HBase cleanly.
 */
public final class HaechiContext implements AutoCloseable {
    private final HaechiSettings settings;
    private final HBaseCluster cluster;
    private final MetadataStore metadata;
    private final Catalog catalog;
    private final MetadataJobRepository jobs;
    private final HBaseCubeStore cubeStore;
    private final JobLog jobLog;
    private HaechiEngine engine;

    private HaechiContext(HaechiSettings settings, HBaseCluster cluster) {
        this.settings = settings;
        this.cluster = cluster;
        this.metadata = HBaseMetadataStore.open(cluster.connection());
        this.catalog = new Catalog(metadata);
        this.jobs = new MetadataJobRepository(metadata);
        this.cubeStore = HBaseCubeStore.on(cluster.connection(),
                CubeStoreOptions.defaults(settings.dataDir().resolve("staging").toAbsolutePath()));
        this.jobLog = new JobLog(settings.dataDir().resolve("job-logs"), Clock.systemUTC());
    }

    /** Opens the configured store (starting the embedded HBase when no cluster is configured). */
    public static HaechiContext open(HaechiSettings settings) {
        requireNonNull(settings, "settings is null");
        HBaseCluster cluster = HBaseCluster.open(new StoreConfig(settings.storeProperties()));
        try {
            return new HaechiContext(settings, cluster);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    /** Wraps an HBase someone else owns (tests). */
    public static HaechiContext of(HaechiSettings settings, HBaseCluster cluster) {
        return new HaechiContext(settings, cluster);
    }

    public HaechiSettings settings() {
        return settings;
    }

    public HBaseCluster cluster() {
        return cluster;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    public Catalog catalog() {
        return catalog;
    }

    public MetadataJobRepository jobs() {
        return jobs;
    }

    public CubeStore cubeStore() {
        return cubeStore;
    }

    /** The query engine over this context's catalog and store (one per context, created on first use). */
    public synchronized HaechiEngine engine() {
        if (engine == null) {
            String policy = settings.get(HaechiSettings.ON_NO_REALIZATION).orElse("error").toUpperCase(Locale.ROOT);
            OnNoRealization onMiss;
            try {
                onMiss = OnNoRealization.valueOf(policy);
            } catch (IllegalArgumentException e) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT, HaechiSettings.ON_NO_REALIZATION
                        + " must be error or pushdown, got " + policy);
            }
            engine = new HaechiEngine(catalog, cubeStore, new SourceRawTables(sourceReaders()),
                    new QuerySettings(onMiss, Duration.ofSeconds(1), settings.planCacheEntries(),
                            settings.resultCacheEntries()));
        }
        return engine;
    }

    /** The source readers builds and the query engine's raw reads share (Hadoop settings included). */
    public SourceReaders sourceReaders() {
        return new SourceReaders(sourceFileSystems(), CsvOptions.DEFAULT);
    }

    /** The jobs' logs ({@code <data dir>/job-logs}); every job run through this context writes its own. */
    public JobLog jobLog() {
        return jobLog;
    }

    /** Starts, runs, resumes and discards builds, reporting progress to {@code listener} and the job's log. */
    public BuildService builds(JobListener listener) {
        SegmentBuildConfig config = SegmentBuildConfig.defaults();
        long maxRejects = settings.longValue(HaechiSettings.REJECT_THRESHOLD, 0);
        config = config.withRejectThreshold(maxRejects < 0 ? RejectThreshold.unlimited()
                : RejectThreshold.rows(maxRejects));
        return new BuildService(catalog, jobs, jobRunner(listener), cubeStore, sourceReaders(),
                config);
    }

    /** Local paths, and Hadoop URIs configured by the {@code fs.*}, {@code dfs.*}, {@code hadoop.*} settings. */
    public SourceFileSystems sourceFileSystems() {
        return SourceFileSystems.withHadoop(settings.values());
    }

    public Path jobsDir() {
        return settings.dataDir().resolve("jobs");
    }

    /** Runs, cancels and discards jobs, reporting their transitions to {@code listener} and the job's log. */
    public JobRunner jobRunner(JobListener listener) {
        return new JobRunner(jobs, jobsDir(), Clock.systemUTC(), JobListener.all(listener, jobLog.listener()));
    }

    @Override
    public void close() {
        cubeStore.close();
        cluster.close();
    }
}
