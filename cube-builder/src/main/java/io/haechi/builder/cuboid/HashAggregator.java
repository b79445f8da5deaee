package io.haechi.builder.cuboid;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Aggregates rows by key in an open-addressing hash table over primitive arrays (no object per row), within a memory
 * budget. When the table would outgrow the budget it is sorted and spilled as a run; {@link #finish} merges the runs
 * and the in-memory rest into one ascending stream with each key once.
 *
 * <p>Per entry: the key words followed by the long states in one array (one cache line for a probe hit), the
 * object-state references, a slot back-pointer, two hash slots (load factor at most 1/2; each slot holds the key's
 * hash next to the entry index, so probing past other keys touches no key) and a sort record (key words + index),
 * all counted against the budget; object states count with their {@link ObjectMeasureFunction#sizeInBytes}.
 */
final class HashAggregator {
    private static final int MIN_CAPACITY = 16;
    private static final int INITIAL_CAPACITY = 1024;

    private final RowFormat format;
    private final int words;
    private final int longCount;
    private final int objectCount;
    private final MeasureFunctions measures;
    private final SpillDirectory spill;
    private final int maxFanIn;
    private final long budget;
    private final long bytesPerEntry;
    private final int maxCapacity;
    private final List<RunFile> runs = new ArrayList<>();
    private final List<Integer> levels = new ArrayList<>();

    private int capacity;
    private int size;
    private final int rowStride;
    private long[] data;
    private Object[] objects;
    private int[] entrySlot;
    private long[] slots;
    private int slotMask;
    private long[] records;
    private long objectBytes;

    private int spilledRuns;
    private long spilledBytes;

    HashAggregator(RowFormat format, MeasureFunctions measures, long budget, SpillDirectory spill, int maxFanIn) {
        this.format = format;
        this.words = format.words();
        this.longCount = format.longs();
        this.objectCount = format.objects();
        this.measures = measures;
        this.spill = spill;
        this.maxFanIn = maxFanIn;
        this.budget = budget;
        this.rowStride = words + longCount;
        this.bytesPerEntry = 8L * rowStride + 8L * objectCount + 4 + 16 + 8L * (words + 1);
        // With object states, the arrays may take half of the budget; the states take the rest.
        long arrayBudget = format.objects() > 0 ? budget / 2 : budget;
        long entries = Math.max(MIN_CAPACITY, arrayBudget / bytesPerEntry);
        this.maxCapacity = (int) Math.min(entries, (1 << 29) / Math.max(1, words + 1));
        allocate(Math.min(INITIAL_CAPACITY, maxCapacity));
    }

    private void allocate(int newCapacity) {
        capacity = newCapacity;
        data = new long[newCapacity * rowStride];
        objects = new Object[Math.max(1, newCapacity * objectCount)];
        entrySlot = new int[newCapacity];
        int slotCount = Integer.highestOneBit(Math.max(2, newCapacity * 2 - 1)) << 1;
        slots = new long[slotCount];
        slotMask = slotCount - 1;
        records = null;
    }

    int size() {
        return size;
    }

    int spilledRuns() {
        return spilledRuns;
    }

    long spilledBytes() {
        return spilledBytes;
    }

    /** Adds a fact row: key words plus one raw value per measure. */
    void addRaw(long[] key, int keyOffset, long[] raw, int rawOffset) throws IOException {
        int hash = hash(key, keyOffset);
        int entry = find(key, keyOffset, hash);
        if (entry >= 0) {
            measures.mergeRawLongs(raw, rawOffset, data, entry * rowStride + words);
            if (objectCount > 0) {
                objectBytes += measures.mergeRawObjects(raw, rawOffset, objects, entry * objectCount);
                spillIfOverBudget();
            }
            return;
        }
        entry = insert(key, keyOffset, hash);
        objectBytes += measures.initStates(raw, rawOffset, data, entry * rowStride + words, objects,
                entry * objectCount);
        if (objectCount > 0) {
            spillIfOverBudget();
        }
    }

    /** Adds an aggregated row (states); object states are taken over, not copied. */
    void addStates(long[] key, int keyOffset, long[] rowLongs, int longOffset, Object[] rowObjects,
            int objectOffset) throws IOException {
        int hash = hash(key, keyOffset);
        int entry = find(key, keyOffset, hash);
        if (entry >= 0) {
            measures.mergeLongs(data, entry * rowStride + words, rowLongs, longOffset);
            if (objectCount > 0) {
                objectBytes += measures.mergeObjects(objects, entry * objectCount, rowObjects, objectOffset, true);
                spillIfOverBudget();
            }
            return;
        }
        entry = insert(key, keyOffset, hash);
        System.arraycopy(rowLongs, longOffset, data, entry * rowStride + words, longCount);
        if (objectCount > 0) {
            System.arraycopy(rowObjects, objectOffset, objects, entry * objectCount, objectCount);
            objectBytes += measures.sizeInBytes(objects, entry * objectCount);
            spillIfOverBudget();
        }
    }

    private int find(long[] key, int keyOffset, int hash) {
        int slot = hash & slotMask;
        while (true) {
            long value = slots[slot];
            if (value == 0) {
                return -1;
            }
            if ((int) (value >>> 32) == hash) {
                int entry = (int) value - 1;
                if (KeyLayout.equal(data, entry * rowStride, key, keyOffset, words)) {
                    return entry;
                }
            }
            slot = (slot + 1) & slotMask;
        }
    }

    private int insert(long[] key, int keyOffset, int hash) throws IOException {
        if (size == capacity) {
            if (capacity < maxCapacity) {
                grow();
            } else {
                spillRun();
            }
        }
        int slot = hash & slotMask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & slotMask;
        }
        int entry = size++;
        slots[slot] = ((long) hash << 32) | (entry + 1);
        entrySlot[entry] = slot;
        System.arraycopy(key, keyOffset, data, entry * rowStride, words);
        return entry;
    }

    private void grow() {
        long[] oldData = data;
        long[] oldSlots = slots;
        Object[] oldObjects = objects;
        int count = size;
        allocate((int) Math.min(maxCapacity, 2L * capacity));
        System.arraycopy(oldData, 0, data, 0, count * rowStride);
        System.arraycopy(oldObjects, 0, objects, 0, count * objectCount);
        // The old slots carry every key's hash: rehashing touches no key.
        for (long value : oldSlots) {
            if (value == 0) {
                continue;
            }
            int slot = (int) (value >>> 32) & slotMask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & slotMask;
            }
            slots[slot] = value;
            entrySlot[(int) value - 1] = slot;
        }
    }

    private void spillIfOverBudget() throws IOException {
        // The arrays never exceed their half at full size; spill when the states outgrow theirs.
        if (objectBytes + (long) size * bytesPerEntry > budget && size > 0) {
            spillRun();
        }
    }

    /** Sorts the table and writes it as a run; the table is empty afterwards. */
    private void spillRun() throws IOException {
        int count = sort();
        try (RunWriter writer = spill.newWriter("run", format, measures)) {
            emitSorted(count, writer::write);
            RunFile run = writer.finish();
            runs.add(run);
            levels.add(0);
            spilledRuns++;
            spilledBytes += run.bytes();
        }
        clear();
        cascade(0);
    }

    /**
     * Tiered merging, so that every row is rewritten O(log(runs)) times, not once per run: when {@code maxFanIn}
     * runs of one level exist they become one run of the next level.
     */
    private void cascade(int level) throws IOException {
        List<Integer> same = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            if (levels.get(i) == level) {
                same.add(i);
            }
        }
        if (same.size() < maxFanIn) {
            return;
        }
        mergeRuns(same, level + 1);
        cascade(level + 1);
    }

    /** Merges the smallest runs until at most {@code maxRuns} are left. */
    void compactRuns(int maxRuns) throws IOException {
        int limit = Math.max(1, maxRuns);
        while (runs.size() > limit) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                order.add(i);
            }
            order.sort((a, b) -> Long.compare(runs.get(a).rows(), runs.get(b).rows()));
            int take = Math.min(maxFanIn, runs.size() - limit + 1);
            List<Integer> smallest = new ArrayList<>(order.subList(0, take));
            smallest.sort(null);
            int level = 0;
            for (int i : smallest) {
                level = Math.max(level, levels.get(i));
            }
            mergeRuns(smallest, level + 1);
        }
    }

    private void mergeRuns(List<Integer> indexes, int level) throws IOException {
        List<RunFile> inputs = new ArrayList<>();
        for (int i : indexes) {
            inputs.add(runs.get(i));
        }
        List<SortedCursor> cursors = new ArrayList<>();
        RunFile merged;
        try (RunWriter writer = spill.newWriter("merged", format, measures)) {
            for (RunFile run : inputs) {
                cursors.add(spill.open(run, measures));
            }
            new RunMerger(format, measures, cursors).mergeInto(writer::write);
            merged = writer.finish();
            spilledBytes += merged.bytes();
        } finally {
            closeAll(cursors);
        }
        for (int k = indexes.size() - 1; k >= 0; k--) {
            int i = indexes.get(k);
            runs.remove(i);
            levels.remove(i);
        }
        runs.add(merged);
        levels.add(level);
        for (RunFile run : inputs) {
            spill.delete(run);
        }
    }

    /**
     * Emits every key added since the last finish, ascending, each once, and empties the aggregator. Runs spilled
     * on the way are merged and deleted.
     */
    void finish(RowConsumer consumer) throws IOException {
        if (runs.isEmpty()) {
            int count = sort();
            emitSorted(count, consumer);
            clear();
            return;
        }
        compactRuns(maxFanIn - 1);
        int count = sort();
        List<SortedCursor> cursors = new ArrayList<>();
        try {
            for (RunFile run : runs) {
                cursors.add(spill.open(run, measures));
            }
            cursors.add(new MemoryCursor(count));
            new RunMerger(format, measures, cursors).mergeInto(consumer);
        } finally {
            closeAll(cursors);
        }
        for (RunFile run : runs) {
            spill.delete(run);
        }
        runs.clear();
        levels.clear();
        clear();
    }

    /**
     * Hands over the sorted content without emitting it: the runs spilled so far plus a cursor over the sorted
     * table. The caller merges them (with other aggregators' cursors), deletes the runs and then calls
     * {@link #release}.
     */
    List<SortedCursor> sortedCursors() throws IOException {
        List<SortedCursor> cursors = new ArrayList<>();
        try {
            for (RunFile run : runs) {
                cursors.add(spill.open(run, measures));
            }
        } catch (IOException | RuntimeException e) {
            closeAll(cursors);
            throw e;
        }
        cursors.add(new MemoryCursor(sort()));
        return cursors;
    }

    List<RunFile> runs() {
        return List.copyOf(runs);
    }

    /** Drops all memory and forgets the runs (the caller deleted them). */
    void release() {
        runs.clear();
        levels.clear();
        data = null;
        objects = null;
        slots = null;
        entrySlot = null;
        records = null;
        size = 0;
    }

    private void clear() {
        if (size * 8L < slots.length) {
            for (int entry = 0; entry < size; entry++) {
                slots[entrySlot[entry]] = 0;
            }
        } else {
            java.util.Arrays.fill(slots, 0);
        }
        if (objectCount > 0) {
            java.util.Arrays.fill(objects, 0, size * objectCount, null);
        }
        size = 0;
        objectBytes = 0;
    }

    /** Sorts the entries into {@link #records} (key words + entry index); returns the entry count. */
    private int sort() {
        int stride = words + 1;
        if (records == null || records.length < size * stride) {
            records = new long[capacity * stride];
        }
        for (int entry = 0; entry < size; entry++) {
            System.arraycopy(data, entry * rowStride, records, entry * stride, words);
            records[entry * stride + words] = entry;
        }
        new KeySorter(records, stride, words).sort(size);
        return size;
    }

    private void emitSorted(int count, RowConsumer consumer) throws IOException {
        int stride = words + 1;
        for (int i = 0; i < count; i++) {
            if ((i & 0xFFF) == 0) {
                Cancellation.check();
            }
            int entry = (int) records[i * stride + words];
            consumer.accept(records, i * stride, data, entry * rowStride + words, objects, entry * objectCount);
        }
    }

    static int hash(long[] key, int offset, int words) {
        long h = key[offset];
        for (int i = 1; i < words; i++) {
            h = h * 0x9E3779B97F4A7C15L + key[offset + i];
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return (int) h;
    }

    private int hash(long[] key, int offset) {
        return hash(key, offset, words);
    }

    private static void closeAll(List<SortedCursor> cursors) throws IOException {
        IOException failure = null;
        for (SortedCursor cursor : cursors) {
            try {
                cursor.close();
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** The sorted table as a cursor. */
    private final class MemoryCursor implements SortedCursor {
        private final int count;
        private final int stride = words + 1;
        private int position = -1;
        private int entry;

        MemoryCursor(int count) {
            this.count = count;
        }

        @Override
        public boolean next() {
            if (position + 1 >= count) {
                return false;
            }
            position++;
            entry = (int) records[position * stride + words];
            return true;
        }

        @Override
        public long[] keyArray() {
            return records;
        }

        @Override
        public int keyOffset() {
            return position * stride;
        }

        @Override
        public long[] longArray() {
            return data;
        }

        @Override
        public int longOffset() {
            return entry * rowStride + words;
        }

        @Override
        public Object[] objectArray() {
            return objects;
        }

        @Override
        public int objectOffset() {
            return entry * objectCount;
        }

        @Override
        public void close() {
        }
    }
}
