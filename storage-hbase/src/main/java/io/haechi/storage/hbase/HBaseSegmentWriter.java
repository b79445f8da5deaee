package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.spi.SegmentStats;
import io.haechi.model.spi.SegmentWriter;
import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFileContext;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Writes one segment table: cuboid writers ({@link CuboidHFileWriter}, one per cuboid, any number at the same time)
 * stage sorted HFiles under {@code <staging>/f/}; {@link #finish()} bulk-loads the whole directory in one call and
 * deletes it. {@link #abort()} deletes the staging directory and drops the table.
 */
final class HBaseSegmentWriter implements SegmentWriter {
    private enum State { OPEN, FINISHING, FINISHED, ABORTED }

    private final HBaseCubeStore store;
    private final String storageId;
    private final TableName table;
    private final Path stagingDir;
    private final FileSystem fs;
    private final HFileContext fileContext;
    private final byte[][] regionStarts;
    private final long timestamp = System.currentTimeMillis();
    private final ConcurrentMap<Long, CuboidHFileWriter> cuboids = new ConcurrentHashMap<>();
    private final ConcurrentMap<Long, Long> finishedRows = new ConcurrentHashMap<>();
    private final AtomicInteger files = new AtomicInteger();
    private volatile State state = State.OPEN;

    HBaseSegmentWriter(HBaseCubeStore store, String storageId, TableName table, Path stagingDir, FileSystem fs,
            HFileContext fileContext, byte[][] regionStarts) {
        this.store = store;
        this.storageId = storageId;
        this.table = table;
        this.stagingDir = stagingDir;
        this.fs = fs;
        this.fileContext = fileContext;
        this.regionStarts = regionStarts;
    }

    String storageId() {
        return storageId;
    }

    long timestamp() {
        return timestamp;
    }

    Path stagingDir() {
        return stagingDir;
    }

    @Override
    public CuboidRowWriter openCuboid(long cuboid) {
        checkWritable();
        CuboidHFileWriter writer = new CuboidHFileWriter(this, cuboid);
        if (cuboids.putIfAbsent(cuboid, writer) != null) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "cuboid " + cuboid + " of segment " + storageId
                    + " is already open or written; each cuboid is written once");
        }
        return writer;
    }

    void checkWritable() {
        if (state != State.OPEN) {
            throw new IllegalStateException("segment " + storageId + " is "
                    + state.name().toLowerCase(java.util.Locale.ROOT) + "; no more rows can be written");
        }
    }

    void cuboidFinished(long cuboid, long rows) {
        finishedRows.put(cuboid, rows);
    }

    /** The region of a key, starting the search from the region of the previous key of the same file. */
    int regionOf(byte[] key, int previous) {
        if (previous >= 0 && Arrays.compareUnsigned(key, regionStarts[previous]) >= 0
                && (previous + 1 >= regionStarts.length
                        || Arrays.compareUnsigned(key, regionStarts[previous + 1]) < 0)) {
            return previous;
        }
        int index = Arrays.binarySearch(regionStarts, key, Arrays::compareUnsigned);
        return index >= 0 ? index : -index - 2;
    }

    StoreFileWriter newFile(long cuboid, int shard, int region) throws IOException {
        int n = files.incrementAndGet();
        // Hex names only: bulk load takes only names that look like store files.
        String name = String.format("%08x%04x%016x%08x", region, shard, cuboid, n);
        return new StoreFileWriter.Builder(store.configuration(), CacheConfig.DISABLED, fs)
                .withFilePath(new Path(new Path(stagingDir, Bytes.toString(HBaseTables.FAMILY)), name))
                .withFileContext(fileContext)
                .withBloomType(BloomType.NONE)
                .build();
    }

    @Override
    public synchronized SegmentStats finish() {
        if (state != State.OPEN) {
            throw new IllegalStateException("segment " + storageId + " is already "
                    + state.name().toLowerCase(java.util.Locale.ROOT));
        }
        for (CuboidHFileWriter writer : cuboids.values()) {
            if (!writer.isFinished()) {
                throw new IllegalStateException("cuboid " + writerCuboid(writer) + " of segment " + storageId
                        + " was opened but not finished");
            }
        }
        state = State.FINISHING;
        try {
            long bytes = stagedBytes();
            if (files.get() > 0) {
                Configuration conf = new Configuration(store.configuration());
                conf.setInt(BulkLoadHFiles.MAX_FILES_PER_REGION_PER_FAMILY, store.options().maxFilesPerRegion());
                Map<BulkLoadHFiles.LoadQueueItem, ?> loaded = BulkLoadHFiles.create(conf).bulkLoad(table, stagingDir);
                if (loaded.isEmpty()) {
                    throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "bulk load of segment " + storageId
                            + " into " + table + " loaded none of the " + files.get() + " HFiles in " + stagingDir);
                }
            }
            deleteStaging();
            state = State.FINISHED;
            return new SegmentStats(new TreeMap<>(finishedRows), bytes, regionStarts.length);
        } catch (IOException | RuntimeException e) {
            abortQuietly();
            if (e instanceof HaechiException h) {
                throw h;
            }
            throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "bulk load of segment " + storageId + " ("
                    + files.get() + " HFiles) into " + table + " failed: " + e.getMessage(), e);
        }
    }

    private long writerCuboid(CuboidHFileWriter writer) {
        return cuboids.entrySet().stream().filter(e -> e.getValue() == writer).findFirst().map(Map.Entry::getKey)
                .orElse(-1L);
    }

    private long stagedBytes() throws IOException {
        Path familyDir = new Path(stagingDir, Bytes.toString(HBaseTables.FAMILY));
        if (!fs.exists(familyDir)) {
            return 0;
        }
        long total = 0;
        for (FileStatus status : fs.listStatus(familyDir)) {
            total += status.getLen();
        }
        return total;
    }

    int stagedFiles() {
        return files.get();
    }

    @Override
    public synchronized void abort() {
        if (state == State.ABORTED || state == State.FINISHED) {
            return;
        }
        abortQuietly();
    }

    private void abortQuietly() {
        state = State.ABORTED;
        cuboids.values().forEach(CuboidHFileWriter::abandon);
        deleteStaging();
        store.dropSegment(storageId);
    }

    @Override
    public void close() {
        abort();
    }

    private void deleteStaging() {
        try {
            fs.delete(stagingDir, true);
        } catch (IOException e) {
            // leftover staging files waste space but are harmless; the segment id is in the directory name
        }
    }
}
