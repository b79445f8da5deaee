package io.haechi.builder.cuboid;

import java.io.IOException;
import java.util.List;

/**
 * K-way merge of sorted cursors into one ascending stream in which equal keys (from different cursors) are combined.
 * A binary heap of cursor indexes; ties break by cursor index so the merge order is fixed.
 */
final class RunMerger {
    private final RowFormat format;
    private final MeasureFunctions measures;
    private final SortedCursor[] cursors;
    private final int[] heap;
    private int heapSize;
    private final long[] key;
    private final long[] longs;
    private final Object[] objects;

    RunMerger(RowFormat format, MeasureFunctions measures, List<SortedCursor> cursors) {
        this.format = format;
        this.measures = measures;
        this.cursors = cursors.toArray(new SortedCursor[0]);
        this.heap = new int[this.cursors.length];
        this.key = new long[format.words()];
        this.longs = new long[Math.max(1, format.longs())];
        this.objects = new Object[Math.max(1, format.objects())];
    }

    /** Emits the merged rows; returns how many. */
    long mergeInto(RowConsumer consumer) throws IOException {
        for (int i = 0; i < cursors.length; i++) {
            if (cursors[i].next()) {
                heap[heapSize++] = i;
            }
        }
        for (int i = heapSize / 2 - 1; i >= 0; i--) {
            siftDown(i);
        }
        int words = format.words();
        int longCount = format.longs();
        int objectCount = format.objects();
        long rows = 0;
        while (heapSize > 0) {
            if ((rows & 0xFFF) == 0) {
                Cancellation.check();
            }
            SortedCursor top = cursors[heap[0]];
            System.arraycopy(top.keyArray(), top.keyOffset(), key, 0, words);
            System.arraycopy(top.longArray(), top.longOffset(), longs, 0, longCount);
            System.arraycopy(top.objectArray(), top.objectOffset(), objects, 0, objectCount);
            advanceTop();
            while (heapSize > 0) {
                SortedCursor next = cursors[heap[0]];
                if (!KeyLayout.equal(next.keyArray(), next.keyOffset(), key, 0, words)) {
                    break;
                }
                measures.mergeLongs(longs, 0, next.longArray(), next.longOffset());
                if (objectCount > 0) {
                    measures.mergeObjects(objects, 0, next.objectArray(), next.objectOffset(), false);
                }
                advanceTop();
            }
            consumer.accept(key, 0, longs, 0, objects, 0);
            rows++;
        }
        return rows;
    }

    private void advanceTop() throws IOException {
        if (cursors[heap[0]].next()) {
            siftDown(0);
        } else {
            heap[0] = heap[--heapSize];
            if (heapSize > 0) {
                siftDown(0);
            }
        }
    }

    private void siftDown(int i) {
        int item = heap[i];
        while (true) {
            int child = 2 * i + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && less(heap[child + 1], heap[child])) {
                child++;
            }
            if (!less(heap[child], item)) {
                break;
            }
            heap[i] = heap[child];
            i = child;
        }
        heap[i] = item;
    }

    private boolean less(int a, int b) {
        SortedCursor x = cursors[a];
        SortedCursor y = cursors[b];
        int c = KeyLayout.compare(x.keyArray(), x.keyOffset(), y.keyArray(), y.keyOffset(), format.words());
        return c < 0 || c == 0 && a < b;
    }
}
