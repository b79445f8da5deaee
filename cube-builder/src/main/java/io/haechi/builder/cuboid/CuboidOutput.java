package io.haechi.builder.cuboid;

import java.io.IOException;

/**
 * Where one cuboid's aggregated rows go: the sink (unless the cuboid was built before) and a run file (when the plan
 * still has children to build from it). Checks that keys arrive strictly ascending.
 */
final class CuboidOutput implements RowConsumer {
    private final KeyLayout layout;
    private final MeasureFunctions measures;
    private final CuboidWriter sinkWriter;
    private final RunWriter fileWriter;
    private final RowView view;
    private final long[] previous;
    private long rows;
    private long objectBytes;

    CuboidOutput(KeyLayout layout, MeasureFunctions measures, CuboidWriter sinkWriter, RunWriter fileWriter) {
        this.layout = layout;
        this.measures = measures;
        this.sinkWriter = sinkWriter;
        this.fileWriter = fileWriter;
        this.view = new RowView(layout, measures);
        this.previous = new long[layout.words()];
    }

    @Override
    public void accept(long[] key, int keyOffset, long[] longs, int longOffset, Object[] objects, int objectOffset)
            throws IOException {
        int words = layout.words();
        if (rows > 0 && KeyLayout.compare(previous, 0, key, keyOffset, words) >= 0) {
            throw new IllegalStateException("cuboid " + layout.cuboid() + ": keys out of order at row " + rows);
        }
        System.arraycopy(key, keyOffset, previous, 0, words);
        if (fileWriter != null) {
            fileWriter.write(key, keyOffset, longs, longOffset, objects, objectOffset);
        }
        if (sinkWriter != null) {
            view.set(key, keyOffset, longs, longOffset, objects, objectOffset);
            sinkWriter.append(view);
        }
        for (int i = 0; i < measures.objectCount(); i++) {
            objectBytes += 4 + measures.serializedSize(i, objects[objectOffset + i]);
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Rows times the fixed row size plus the object states' serialized bytes. */
    long bytes() {
        return rows * (8L * (layout.words() + measures.longCount())) + objectBytes;
    }
}
