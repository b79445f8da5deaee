package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.Names;
import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.AggregateRow;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentWriter;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.HConstants;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.Admin;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.ConnectionFactory;
import org.apache.hadoop.hbase.io.compress.Compression;
import org.apache.hadoop.hbase.io.hfile.HFileContext;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;

/**
 * The HBase {@link CubeStore}: one table per segment ({@code <namespace>:seg_<storageId>}, see the package comment for
 * why), written by bulk-loading sorted HFiles and scanned with region-side rollup ({@link CubeRegionAggregator} run by
 * {@link HaechiAggregationObserver}). Thread-safe.
 *
 * <p>The store owns its own client connection, with the scanner and read RPC timeouts raised to
 * {@link CubeStoreOptions#scanTimeout()}: the region side aggregates a whole region inside one scanner RPC.
 */
public final class HBaseCubeStore implements CubeStore {
    /** The qualifier of the one cell per row (family {@code f}): the measure states. */
    static final byte[] QUALIFIER = {'m'};
    /** Data block size of the segment tables and their HFiles. */
    static final int BLOCK_SIZE = 64 * 1024;

    private final Connection connection;
    private final boolean ownsConnection;
    private final CubeStoreOptions options;
    private final ExecutorService scanPool;
    /**
     * Region boundaries per segment table. Looking them up reads hbase:meta (a round trip per query); segment tables
     * are written once and pre-split, so boundaries are kept for a while. Stale ones would only cost parallelism: a
     * scan crossing a boundary is still answered, each region's partial groups merged on this side.
     */
    private final java.util.Map<org.apache.hadoop.hbase.TableName, Boundaries> boundaries =
            new java.util.concurrent.ConcurrentHashMap<>();

    private record Boundaries(org.apache.hadoop.hbase.util.Pair<byte[][], byte[][]> keys, long readNanos) {
    }

    private static final long BOUNDARIES_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

    private HBaseCubeStore(Connection connection, boolean ownsConnection, CubeStoreOptions options) {
        this.connection = connection;
        this.ownsConnection = ownsConnection;
        this.options = options;
        AtomicInteger threads = new AtomicInteger();
        this.scanPool = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "haechi-cube-scan-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Opens a store on the cluster of {@code clientConfiguration} with a connection of its own, whose scanner and read
     * RPC timeouts are {@link CubeStoreOptions#scanTimeout()}.
     */
    public static HBaseCubeStore open(Configuration clientConfiguration, CubeStoreOptions options) {
        requireNonNull(clientConfiguration, "clientConfiguration is null");
        requireNonNull(options, "options is null");
        Configuration conf = new Configuration(clientConfiguration);
        int timeout = (int) options.scanTimeout().toMillis();
        conf.setInt(HConstants.HBASE_CLIENT_SCANNER_TIMEOUT_PERIOD, timeout);
        conf.setInt(HConstants.HBASE_RPC_READ_TIMEOUT_KEY, timeout);
        conf.setInt(HConstants.HBASE_CLIENT_OPERATION_TIMEOUT, timeout);
        try {
            return new HBaseCubeStore(ConnectionFactory.createConnection(conf), true, options);
        } catch (IOException e) {
            throw HBaseTables.unavailable("connect the cube store", e);
        }
    }

    /** Opens a store on {@code cluster}'s configuration (a connection of its own). */
    public static HBaseCubeStore open(HBaseCluster cluster, CubeStoreOptions options) {
        return open(cluster.configuration(), options);
    }

    /** A store on an existing connection, which it does not close; the connection's own timeouts apply. */
    public static HBaseCubeStore on(Connection connection, CubeStoreOptions options) {
        return new HBaseCubeStore(requireNonNull(connection, "connection is null"), false,
                requireNonNull(options, "options is null"));
    }

    public CubeStoreOptions options() {
        return options;
    }

    Configuration configuration() {
        return connection.getConfiguration();
    }

    /** The start and end keys of a table's regions, cached for a while (see {@link #boundaries}). */
    org.apache.hadoop.hbase.util.Pair<byte[][], byte[][]> regionBoundaries(org.apache.hadoop.hbase.TableName table)
            throws java.io.IOException {
        long now = System.nanoTime();
        Boundaries b = boundaries.get(table);
        if (b == null || now - b.readNanos() > BOUNDARIES_TTL_NANOS) {
            try (org.apache.hadoop.hbase.client.RegionLocator locator = connection().getRegionLocator(table)) {
                b = new Boundaries(locator.getStartEndKeys(), now);
            }
            if (b.keys().getFirst().length > 0) {
                boundaries.put(table, b);
            }
        }
        return b.keys();
    }

    Connection connection() {
        return connection;
    }

    ExecutorService scanPool() {
        return scanPool;
    }

    /** The table of a segment. */
    public TableName tableOf(String storageId) {
        Names.checkIdentifier(storageId, "segment storage id");
        return TableName.valueOf(options.namespace(), "seg_" + storageId);
    }

    @Override
    public SegmentWriter createSegment(SegmentLayout layout) {
        requireNonNull(layout, "layout is null");
        TableName table = tableOf(layout.storageId());
        try (Admin admin = connection.getAdmin()) {
            if (HBaseTables.exists(admin, table)) {
                throw exists(layout.storageId(), table);
            }
            try {
                HBaseTables.create(admin, table, layout.splitKeys(), options.blockEncoding());
            } catch (HaechiException e) {
                if (HBaseTables.exists(admin, table)) {
                    throw exists(layout.storageId(), table);
                }
                throw e;
            }
        } catch (IOException e) {
            throw HBaseTables.unavailable("create the table of segment " + layout.storageId(), e);
        }
        try {
            Path staging = new Path(options.stagingRoot(), "seg_" + layout.storageId() + "-" + UUID.randomUUID());
            FileSystem fileSystem = staging.getFileSystem(configuration());
            // The raw local file system writes no .crc side files, which bulk load would otherwise have to skip.
            FileSystem fs = fileSystem instanceof LocalFileSystem local ? local.getRawFileSystem() : fileSystem;
            HFileContext context = new HFileContextBuilder()
                    .withBlockSize(BLOCK_SIZE)
                    .withCompression(Compression.Algorithm.NONE)
                    .withDataBlockEncoding(options.blockEncoding())
                    .withColumnFamily(HBaseTables.FAMILY)
                    .withTableName(table.getName())
                    .build();
            byte[][] starts = HBaseTables.regionStartKeys(connection, table).toArray(new byte[0][]);
            return new HBaseSegmentWriter(this, layout.storageId(), table, staging, fs, context, starts);
        } catch (IOException | RuntimeException e) {
            dropSegment(layout.storageId());
            if (e instanceof HaechiException h) {
                throw h;
            }
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "cannot prepare the staging directory of segment "
                    + layout.storageId() + " under " + options.stagingRoot() + ": " + e.getMessage(), e);
        }
    }

    private static HaechiException exists(String storageId, TableName table) {
        return new HaechiException(ErrorCode.SEGMENT_EXISTS, "segment " + storageId + " already exists in HBase as"
                + " table " + table + "; drop it before writing it again");
    }

    @Override
    public boolean segmentExists(String storageId) {
        try (Admin admin = connection.getAdmin()) {
            return HBaseTables.exists(admin, tableOf(storageId));
        } catch (IOException e) {
            throw HBaseTables.unavailable("look up segment " + storageId, e);
        }
    }

    @Override
    public void dropSegment(String storageId) {
        boundaries.clear();
        try (Admin admin = connection.getAdmin()) {
            HBaseTables.drop(admin, tableOf(storageId));
        } catch (IOException e) {
            throw HBaseTables.unavailable("drop segment " + storageId, e);
        }
    }

    /** Scans with the rollup done on the region servers. */
    @Override
    public ScanResult scan(CuboidScanRequest request) {
        return new CubeScan(this, requireNonNull(request, "request is null"), true).run();
    }

    /**
     * The same scan with the raw rows read and rolled up here: for clusters whose region servers lack Haechi's
     * observer, and as the reference in tests and measurements.
     */
    public ScanResult scanClientSide(CuboidScanRequest request) {
        return new CubeScan(this, requireNonNull(request, "request is null"), false).run();
    }

    @Override
    public void close() {
        scanPool.shutdownNow();
        if (ownsConnection) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
    }

    /** Iterates finished groups. */
    static ScanResult result(java.util.Iterator<AggregateRow> rows) {
        return new ScanResult() {
            @Override
            public boolean hasNext() {
                return rows.hasNext();
            }

            @Override
            public AggregateRow next() {
                return rows.next();
            }

            @Override
            public void close() {
                // everything was read eagerly
            }
        };
    }
}
