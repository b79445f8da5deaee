package io.haechi.builder.cuboid;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * Keeps every cuboid's rows (codes and measure values, distinct counts as cardinalities) and a byte image of what
 * was sent (codes, long states, serialised bitmaps) for byte-identity checks.
 */
final class CollectingSink implements CuboidSink {
    /** One row: codes, then the measure values in declared order (distinct = cardinality). */
    record Row(List<Long> values) {
    }

    final Map<Long, List<Row>> rows = new ConcurrentHashMap<>();
    final Map<Long, byte[]> images = new ConcurrentHashMap<>();
    final Map<Long, CuboidStats> stats = new ConcurrentHashMap<>();
    final List<Long> aborted = java.util.Collections.synchronizedList(new ArrayList<>());
    private final MeasureFunctions measures;

    CollectingSink(MeasureFunctions measures) {
        this.measures = measures;
    }

    @Override
    public CuboidWriter open(long cuboid, int[] dimensions) {
        if (rows.containsKey(cuboid)) {
            throw new IllegalStateException("cuboid " + cuboid + " opened twice");
        }
        List<Row> list = new ArrayList<>();
        rows.put(cuboid, list);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream image = new DataOutputStream(bytes);
        return new CuboidWriter() {
            @Override
            public void append(CuboidRow row) throws IOException {
                List<Long> values = new ArrayList<>();
                for (int i = 0; i < row.dimensionCount(); i++) {
                    values.add((long) row.code(i));
                    image.writeInt(row.code(i));
                }
                for (int m = 0; m < measures.size(); m++) {
                    if (measures.isLong(m)) {
                        values.add(row.longState(m));
                        image.writeLong(row.longState(m));
                    } else {
                        RoaringBitmap bitmap = (RoaringBitmap) row.objectState(m);
                        values.add((long) bitmap.getCardinality());
                        ByteBuffer buffer = ByteBuffer.allocate(bitmap.serializedSizeInBytes())
                                .order(ByteOrder.LITTLE_ENDIAN);
                        bitmap.serialize(buffer);
                        image.write(buffer.array());
                    }
                }
                list.add(new Row(values));
            }

            @Override
            public void finish(CuboidStats cuboidStats) {
                try {
                    image.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                images.put(cuboid, bytes.toByteArray());
                stats.put(cuboid, cuboidStats);
            }

            @Override
            public void abort() {
                aborted.add(cuboid);
            }
        };
    }
}
