package io.haechi.storage.hbase;

import static java.util.Objects.requireNonNull;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.TableName;
import org.apache.hadoop.hbase.client.ColumnFamilyDescriptor;
import org.apache.hadoop.hbase.client.Connection;
import org.apache.hadoop.hbase.client.Table;
import org.apache.hadoop.hbase.io.hfile.CacheConfig;
import org.apache.hadoop.hbase.io.hfile.HFileContext;
import org.apache.hadoop.hbase.io.hfile.HFileContextBuilder;
import org.apache.hadoop.hbase.regionserver.BloomType;
import org.apache.hadoop.hbase.regionserver.HStoreFile;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.tool.BulkLoadHFiles;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The write path of builds (hbase.md section 4): cells stream in ascending order into one HFile per region of the
 * (pre-split) table, rolling to the next file at each region boundary; {@link #commit()} bulk-loads the files with
 * {@link BulkLoadHFiles} and deletes the staging directory. The HFiles take the family's block encoding, compression
 * and block size from the table, so the loaded files look like the region server's own.
 *
 * <p>The staging directory must be readable by the region servers: a local directory for the embedded HBase, a
 * directory on the cluster's file system (e.g. {@code hdfs://...}) for a cluster.
 */
public final class HFileBulkLoader implements TableLoad {
    private final Connection connection;
    private final TableName table;
    private final Path stagingDir;
    private final FileSystem fs;
    private final HFileContext fileContext;
    private final byte[][] regionStarts;
    private final KeyOrderCheck order;
    private final long timestamp = System.currentTimeMillis();

    private StoreFileWriter writer;
    private int region = -1;
    private int files;
    private long cells;
    private long bytes;
    private long writeNanos;
    private boolean finished;

    private HFileBulkLoader(Connection connection, TableName table, Path stagingDir) throws IOException {
        this.connection = connection;
        this.table = table;
        this.stagingDir = stagingDir;
        Configuration conf = connection.getConfiguration();
        FileSystem fileSystem = stagingDir.getFileSystem(conf);
        // The raw local file system writes no .crc side files, which bulk load would otherwise have to skip.
        this.fs = fileSystem instanceof LocalFileSystem local ? local.getRawFileSystem() : fileSystem;
        try (Table t = connection.getTable(table)) {
            ColumnFamilyDescriptor family = t.getDescriptor().getColumnFamily(HBaseTables.FAMILY);
            if (family == null) {
                throw new HaechiException(ErrorCode.INVALID_ARGUMENT,
                        "table " + table + " has no column family " + Bytes.toString(HBaseTables.FAMILY));
            }
            this.fileContext = new HFileContextBuilder()
                    .withBlockSize(family.getBlocksize())
                    .withCompression(family.getCompressionType())
                    .withDataBlockEncoding(family.getDataBlockEncoding())
                    .withColumnFamily(HBaseTables.FAMILY)
                    .withTableName(table.getName())
                    .build();
        }
        this.regionStarts = HBaseTables.regionStartKeys(connection, table).toArray(new byte[0][]);
        this.order = new KeyOrderCheck(table.getNameAsString());
        if (fs.exists(stagingDir)) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "staging directory " + stagingDir
                    + " already exists; a bulk load needs a fresh one");
        }
    }

    /**
     * Starts a load into an existing table, staging HFiles under {@code stagingRoot} in a fresh sub-directory.
     *
     * @param stagingRoot a directory URI or path; for the embedded HBase, a local directory such as the data dir's tmp
     */
    public static HFileBulkLoader open(Connection connection, TableName table, String stagingRoot) {
        requireNonNull(connection, "connection is null");
        requireNonNull(table, "table is null");
        requireNonNull(stagingRoot, "stagingRoot is null");
        Path dir = new Path(stagingRoot, "bulkload-" + table.getQualifierAsString() + "-" + UUID.randomUUID());
        try {
            return new HFileBulkLoader(connection, table, dir);
        } catch (IOException e) {
            throw HBaseTables.unavailable("prepare a bulk load into " + table + " at " + dir, e);
        }
    }

    /** {@link #open(Connection, TableName, String)} with a local staging root. */
    public static HFileBulkLoader open(Connection connection, TableName table, java.nio.file.Path stagingRoot) {
        return open(connection, table, stagingRoot.toAbsolutePath().toUri().toString());
    }

    @Override
    public void append(byte[] row, byte[] qualifier, byte[] value) {
        if (finished) {
            throw new IllegalStateException("bulk load into " + table + " is already committed or closed");
        }
        order.check(row, qualifier);
        long start = System.nanoTime();
        try {
            int target = regionOf(row);
            if (target != region) {
                closeWriter();
                region = target;
                writer = newWriter(target);
            }
            writer.append(new KeyValue(row, HBaseTables.FAMILY, qualifier, timestamp, KeyValue.Type.Put, value));
        } catch (IOException e) {
            throw HBaseTables.unavailable("write an HFile for table " + table + " in " + stagingDir, e);
        }
        cells++;
        bytes += row.length + qualifier.length + value.length;
        writeNanos += System.nanoTime() - start;
    }

    private int regionOf(byte[] row) {
        int next = region < 0 ? 1 : region + 1;
        if (region >= 0 && (next >= regionStarts.length || Arrays.compareUnsigned(row, regionStarts[next]) < 0)) {
            return region;
        }
        int index = Arrays.binarySearch(regionStarts, row, Arrays::compareUnsigned);
        return index >= 0 ? index : -index - 2;
    }

    private StoreFileWriter newWriter(int regionIndex) throws IOException {
        files++;
        // Hex file names: bulk load only takes names that look like store files.
        String name = String.format("%08x%s", regionIndex, UUID.randomUUID().toString().replace("-", ""));
        return new StoreFileWriter.Builder(connection.getConfiguration(), CacheConfig.DISABLED, fs)
                .withFilePath(new Path(new Path(stagingDir, Bytes.toString(HBaseTables.FAMILY)), name))
                .withFileContext(fileContext)
                .withBloomType(BloomType.NONE)
                .build();
    }

    private void closeWriter() throws IOException {
        if (writer != null) {
            seal(writer);
            writer = null;
        }
    }

    /** Closes a staged HFile with the file info bulk load expects (load time, major-compacted, timestamps). */
    static void seal(StoreFileWriter writer) throws IOException {
        writer.appendFileInfo(HStoreFile.BULKLOAD_TIME_KEY, Bytes.toBytes(System.currentTimeMillis()));
        writer.appendFileInfo(HStoreFile.MAJOR_COMPACTION_KEY, Bytes.toBytes(true));
        writer.appendTrackedTimestampsToMetadata();
        writer.close();
    }

    @Override
    public LoadResult commit() {
        if (finished) {
            throw new IllegalStateException("bulk load into " + table + " is already committed or closed");
        }
        finished = true;
        long loadStart = System.nanoTime();
        try {
            long start = System.nanoTime();
            closeWriter();
            writeNanos += System.nanoTime() - start;
            loadStart = System.nanoTime();
            if (files > 0) {
                Map<BulkLoadHFiles.LoadQueueItem, ?> loaded =
                        BulkLoadHFiles.create(connection.getConfiguration()).bulkLoad(table, stagingDir);
                if (loaded.isEmpty()) {
                    throw new HaechiException(ErrorCode.STORE_UNAVAILABLE, "bulk load into " + table
                            + " loaded none of the " + files + " HFiles in " + stagingDir);
                }
            }
        } catch (IOException e) {
            throw HBaseTables.unavailable("bulk-load " + files + " HFiles from " + stagingDir + " into " + table, e);
        } finally {
            deleteStaging();
        }
        return new LoadResult(table.getNameAsString(), cells, bytes, files, Duration.ofNanos(writeNanos),
                Duration.ofNanos(System.nanoTime() - loadStart));
    }

    @Override
    public void close() {
        if (!finished) {
            finished = true;
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                // abandoning the load: the staging directory goes anyway
            }
            deleteStaging();
        }
    }

    private void deleteStaging() {
        try {
            fs.delete(stagingDir, true);
        } catch (IOException e) {
            // leftover staging files waste space but are harmless; the path is in the directory name
        }
    }

    /** The split keys that cut {@code sortedKeys} into {@code regions} parts of about equal size. */
    public static List<byte[]> evenSplits(List<byte[]> sortedKeys, int regions) {
        if (regions < 1) {
            throw new IllegalArgumentException("regions must be at least 1, got " + regions);
        }
        List<byte[]> splits = new ArrayList<>();
        for (int i = 1; i < regions; i++) {
            byte[] key = sortedKeys.get((int) ((long) sortedKeys.size() * i / regions));
            if (splits.isEmpty() || Arrays.compareUnsigned(splits.get(splits.size() - 1), key) < 0) {
                splits.add(key);
            }
        }
        return splits;
    }
}
