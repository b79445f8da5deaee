package io.haechi.storage.hbase;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.SegmentWriter;
import java.io.IOException;
import java.util.Arrays;
import org.apache.hadoop.hbase.KeyValue;
import org.apache.hadoop.hbase.regionserver.StoreFileWriter;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * The rows of one cuboid into staged HFiles: one open file per shard (the builder's rows of a cuboid come sorted by
 * codes with the shards interleaved, and within one shard they are then ascending), rolled to a new file whenever a
 * row crosses into the next region, so that every file is sorted and lies inside one region. Used by one thread.
 */
final class CuboidHFileWriter implements SegmentWriter.CuboidRowWriter {
    private final HBaseSegmentWriter segment;
    private final long cuboid;
    private final byte[] cuboidBytes;
    private ShardFile[] shards = new ShardFile[16];
    private long rows;
    private boolean finished;

    /** The open file of one shard. */
    private static final class ShardFile {
        StoreFileWriter writer;
        int region = -1;
        byte[] lastKey;
        long rows;
    }

    CuboidHFileWriter(HBaseSegmentWriter segment, long cuboid) {
        this.segment = segment;
        this.cuboid = cuboid;
        this.cuboidBytes = CubeRegionAggregator.longBytes(cuboid);
    }

    @Override
    public void append(byte[] rowKey, byte[] measureCell) {
        if (finished) {
            throw new IllegalStateException("cuboid " + cuboid + " of segment " + segment.storageId()
                    + " is already finished");
        }
        segment.checkWritable();
        if (rowKey.length < RowKeyCodec.HEADER_BYTES || !Arrays.equals(rowKey, RowKeyCodec.SHARD_BYTES,
                RowKeyCodec.HEADER_BYTES, cuboidBytes, 0, cuboidBytes.length)) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "row key " + Bytes.toStringBinary(rowKey)
                    + " written to cuboid " + cuboid + " of segment " + segment.storageId()
                    + " is not a key of that cuboid");
        }
        int shard = ((rowKey[0] & 0xFF) << 8) | (rowKey[1] & 0xFF);
        if (shard >= shards.length) {
            shards = Arrays.copyOf(shards, Math.max(shard + 1, 2 * shards.length));
        }
        ShardFile file = shards[shard];
        if (file == null) {
            file = new ShardFile();
            shards[shard] = file;
        }
        if (file.lastKey != null && Arrays.compareUnsigned(file.lastKey, rowKey) >= 0) {
            throw new HaechiException(ErrorCode.INVALID_ARGUMENT, "rows of cuboid " + cuboid + " of segment "
                    + segment.storageId() + " must come in strictly ascending key order within a shard, but "
                    + Bytes.toStringBinary(rowKey) + (Arrays.equals(file.lastKey, rowKey) ? " repeats" : " came after ")
                    + Bytes.toStringBinary(file.lastKey));
        }
        try {
            int region = segment.regionOf(rowKey, file.region);
            if (region != file.region) {
                closeFile(file);
                file.writer = segment.newFile(cuboid, shard, region);
                file.region = region;
            }
            file.writer.append(new KeyValue(rowKey, HBaseTables.FAMILY, HBaseCubeStore.QUALIFIER,
                    segment.timestamp(), KeyValue.Type.Put, measureCell));
        } catch (IOException e) {
            throw HBaseTables.unavailable("write an HFile of cuboid " + cuboid + " of segment " + segment.storageId(),
                    e);
        }
        file.lastKey = rowKey;
        file.rows++;
        rows++;
    }

    @Override
    public long finish() {
        if (!finished) {
            try {
                for (ShardFile file : shards) {
                    if (file != null) {
                        closeFile(file);
                    }
                }
            } catch (IOException e) {
                throw HBaseTables.unavailable("close the HFiles of cuboid " + cuboid + " of segment "
                        + segment.storageId(), e);
            }
            finished = true;
            segment.cuboidFinished(cuboid, rows);
        }
        return rows;
    }

    boolean isFinished() {
        return finished;
    }

    long rows() {
        return rows;
    }

    /** Closes open files without finishing (abort). */
    void abandon() {
        for (ShardFile file : shards) {
            if (file != null && file.writer != null) {
                try {
                    file.writer.close();
                } catch (IOException | RuntimeException e) {
                    // the staging directory is deleted anyway
                }
                file.writer = null;
            }
        }
        finished = true;
    }

    private static void closeFile(ShardFile file) throws IOException {
        if (file.writer != null) {
            HFileBulkLoader.seal(file.writer);
            file.writer = null;
        }
    }
}
