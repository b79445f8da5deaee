package io.haechi.builder.segment;

import io.haechi.model.error.ErrorCode;
import io.haechi.model.error.HaechiException;
import io.haechi.model.rowkey.RowKeyCodec;
import io.haechi.model.spi.CubeStore;
import io.haechi.model.spi.CuboidScanRequest;
import io.haechi.model.spi.SegmentLayout;
import io.haechi.model.spi.SegmentStats;
import io.haechi.model.spi.SegmentWriter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link CubeStore} in memory for builder tests: a sorted map per segment. Its writer checks the SPI contract the
 * HBase writer relies on (rows of a cuboid ascending within each shard, no cuboid opened twice) and only makes rows
 * visible on {@code finish}. With {@code keepRows} false it only counts (a no-op store for throughput runs). Scans are
 * not supported.
 */
final class InMemoryCubeStore implements CubeStore {
    private final boolean keepRows;
    private final Map<String, NavigableMap<byte[], byte[]>> segments = new ConcurrentHashMap<>();
    private final Map<String, SegmentLayout> layouts = new ConcurrentHashMap<>();
    final AtomicLong drops = new AtomicLong();
    /** When set, the next {@code SegmentWriter.finish} fails (a crash between writing and loading). */
    final java.util.concurrent.atomic.AtomicBoolean failNextFinish = new java.util.concurrent.atomic.AtomicBoolean();

    InMemoryCubeStore(boolean keepRows) {
        this.keepRows = keepRows;
    }

    NavigableMap<byte[], byte[]> rows(String storageId) {
        NavigableMap<byte[], byte[]> rows = segments.get(storageId);
        if (rows == null) {
            throw new IllegalArgumentException("no segment " + storageId);
        }
        return rows;
    }

    SegmentLayout layout(String storageId) {
        return layouts.get(storageId);
    }

    @Override
    public SegmentWriter createSegment(SegmentLayout layout) {
        if (segments.containsKey(layout.storageId()) || layouts.containsKey(layout.storageId())) {
            throw new HaechiException(ErrorCode.BUILD_FAILED, "segment " + layout.storageId() + " exists");
        }
        layouts.put(layout.storageId(), layout);
        NavigableMap<byte[], byte[]> staged = new ConcurrentSkipListMap<>(Arrays::compareUnsigned);
        Map<Long, Long> rowsPerCuboid = new ConcurrentHashMap<>();
        AtomicLong bytes = new AtomicLong();
        return new SegmentWriter() {
            private boolean finished;
            private boolean aborted;

            @Override
            public CuboidRowWriter openCuboid(long cuboid) {
                if (rowsPerCuboid.putIfAbsent(cuboid, -1L) != null) {
                    throw new IllegalStateException("cuboid " + cuboid + " opened twice");
                }
                Map<Integer, byte[]> lastPerShard = new HashMap<>();
                return new CuboidRowWriter() {
                    private long rows;

                    @Override
                    public void append(byte[] rowKey, byte[] measureCell) {
                        int shard = ((rowKey[0] & 0xFF) << 8) | (rowKey[1] & 0xFF);
                        long id = java.nio.ByteBuffer.wrap(rowKey, RowKeyCodec.SHARD_BYTES, 8).getLong();
                        if (id != cuboid) {
                            throw new IllegalStateException("row of cuboid " + id + " written to cuboid " + cuboid);
                        }
                        byte[] last = lastPerShard.put(shard, rowKey);
                        if (last != null && Arrays.compareUnsigned(last, rowKey) >= 0) {
                            throw new IllegalStateException("cuboid " + cuboid + " shard " + shard
                                    + ": keys not strictly ascending");
                        }
                        rows++;
                        bytes.addAndGet(rowKey.length + measureCell.length);
                        if (keepRows) {
                            staged.put(rowKey, measureCell);
                        }
                    }

                    @Override
                    public long finish() {
                        rowsPerCuboid.put(cuboid, rows);
                        return rows;
                    }
                };
            }

            @Override
            public SegmentStats finish() {
                if (aborted) {
                    throw new IllegalStateException("finish after abort");
                }
                if (failNextFinish.getAndSet(false)) {
                    throw new IllegalStateException("injected: the process died before the load");
                }
                finished = true;
                segments.put(layout.storageId(), staged);
                return new SegmentStats(rowsPerCuboid, bytes.get(), layout.splitKeys().size() + 1);
            }

            @Override
            public void abort() {
                aborted = true;
                staged.clear();
                layouts.remove(layout.storageId());
            }

            @Override
            public void close() {
                if (!finished) {
                    abort();
                }
            }
        };
    }

    @Override
    public boolean segmentExists(String storageId) {
        return segments.containsKey(storageId) || layouts.containsKey(storageId);
    }

    @Override
    public void dropSegment(String storageId) {
        if (segments.remove(storageId) != null | layouts.remove(storageId) != null) {
            drops.incrementAndGet();
        }
    }

    @Override
    public ScanResult scan(CuboidScanRequest request) {
        throw new UnsupportedOperationException("the builder tests' store does not scan");
    }

    @Override
    public void close() {
    }

    List<String> segmentIds() {
        return List.copyOf(segments.keySet());
    }
}
