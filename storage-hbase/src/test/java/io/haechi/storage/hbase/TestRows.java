package io.haechi.storage.hbase;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.hadoop.hbase.util.Bytes;

/**
 * Deterministic test rows: key {@code [1 byte shard][4 byte sequence][2 byte group][1 byte flag]}, one cell with
 * qualifier {@code m} and an 8-byte long value. Sorted by key.
 */
final class TestRows {
    static final byte[] QUALIFIER = {'m'};
    static final int GROUP_OFFSET = 5;
    static final int GROUP_LENGTH = 2;
    static final int FLAG_OFFSET = 7;

    record Row(byte[] key, long value) {
        short group() {
            return ByteBuffer.wrap(key).getShort(GROUP_OFFSET);
        }

        byte flag() {
            return key[FLAG_OFFSET];
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Row row && Arrays.equals(key, row.key) && value == row.value;
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key) * 31 + Long.hashCode(value);
        }

        @Override
        public String toString() {
            return Bytes.toStringBinary(key) + "=" + value;
        }
    }

    private TestRows() {
    }

    /** {@code count} rows over {@code shards} shards (shard = sequence % shards), sorted by key. */
    static List<Row> generate(int count, int shards, int groups, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Row> rows = new ArrayList<>(count);
        for (int shard = 0; shard < shards; shard++) {
            for (int seq = shard; seq < count; seq += shards) {
                byte[] key = ByteBuffer.allocate(8).put((byte) shard).putInt(seq)
                        .putShort((short) random.nextInt(groups)).put((byte) random.nextInt(3)).array();
                rows.add(new Row(key, random.nextLong(-1_000_000, 1_000_000)));
            }
        }
        return rows;
    }

    /** Split keys at shard boundaries: one region per shard. */
    static List<byte[]> shardSplits(int shards) {
        List<byte[]> splits = new ArrayList<>();
        for (int shard = 1; shard < shards; shard++) {
            splits.add(new byte[] {(byte) shard});
        }
        return splits;
    }

    static byte[] longBytes(long value) {
        return ByteBuffer.allocate(8).putLong(value).array();
    }
}
