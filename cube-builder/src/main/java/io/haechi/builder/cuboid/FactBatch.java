package io.haechi.builder.cuboid;

/**
 * A reusable batch of encoded fact rows, row-major: row {@code r} has its dimension codes at
 * {@code codes[r * dimensionCount .. + dimensionCount)} (row-key order) and its raw measure values at
 * {@code values[r * measureCount .. + measureCount)} (declared measure order). A source fills {@link #size} rows.
 */
public final class FactBatch {
    private final int dimensionCount;
    private final int measureCount;
    private final int capacity;
    private final int[] codes;
    private final long[] values;
    private int size;

    public FactBatch(int dimensionCount, int measureCount, int capacity) {
        if (dimensionCount < 1 || measureCount < 0 || capacity < 1) {
            throw new IllegalArgumentException("dimensionCount " + dimensionCount + " must be >= 1, measureCount "
                    + measureCount + " >= 0 and capacity " + capacity + " >= 1");
        }
        this.dimensionCount = dimensionCount;
        this.measureCount = measureCount;
        this.capacity = capacity;
        this.codes = new int[dimensionCount * capacity];
        this.values = new long[Math.max(1, measureCount) * capacity];
    }

    public int dimensionCount() {
        return dimensionCount;
    }

    public int measureCount() {
        return measureCount;
    }

    public int capacity() {
        return capacity;
    }

    /** The dimension codes, row-major; a source writes into it directly. */
    public int[] codes() {
        return codes;
    }

    /** The raw measure values, row-major; a source writes into it directly. */
    public long[] values() {
        return values;
    }

    public int size() {
        return size;
    }

    public void setSize(int size) {
        if (size < 0 || size > capacity) {
            throw new IllegalArgumentException("size " + size + " is outside [0, " + capacity + "]");
        }
        this.size = size;
    }

    /** Appends one row; returns false when the batch is full. A convenience for tests and simple sources. */
    public boolean add(int[] rowCodes, long[] rowValues) {
        if (size == capacity) {
            return false;
        }
        System.arraycopy(rowCodes, 0, codes, size * dimensionCount, dimensionCount);
        System.arraycopy(rowValues, 0, values, size * measureCount, measureCount);
        size++;
        return true;
    }
}
