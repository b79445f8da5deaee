package io.haechi.builder.cuboid;

/**
 * Sorts records of {@code stride} longs (key words first, then a payload word) by their key words as unsigned
 * longs, in place. Introsort: median-of-three quicksort, insertion sort for short ranges, heapsort when the
 * recursion gets too deep. Keys are distinct (they come from a hash table), so no three-way partition is needed.
 */
final class KeySorter {
    private static final int INSERTION_THRESHOLD = 16;

    private final long[] records;
    private final int stride;
    private final int words;
    private final long[] pivot;
    private final long[] temp;

    KeySorter(long[] records, int stride, int words) {
        this.records = records;
        this.stride = stride;
        this.words = words;
        this.pivot = new long[stride];
        this.temp = new long[stride];
    }

    void sort(int count) {
        if (count > 1) {
            int depth = 2 * (32 - Integer.numberOfLeadingZeros(count));
            introsort(0, count - 1, depth);
        }
    }

    private void introsort(int lo, int hi, int depth) {
        while (hi - lo >= INSERTION_THRESHOLD) {
            if (depth-- == 0) {
                heapsort(lo, hi);
                return;
            }
            int mid = (lo + hi) >>> 1;
            // Median of three into lo..hi, pivot at mid.
            if (compare(mid, lo) < 0) {
                swap(mid, lo);
            }
            if (compare(hi, lo) < 0) {
                swap(hi, lo);
            }
            if (compare(hi, mid) < 0) {
                swap(hi, mid);
            }
            System.arraycopy(records, mid * stride, pivot, 0, stride);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (compareToPivot(i) < 0) {
                    i++;
                }
                while (compareToPivot(j) > 0) {
                    j--;
                }
                if (i <= j) {
                    swap(i, j);
                    i++;
                    j--;
                }
            }
            // Recurse into the smaller side, loop on the larger: stack depth stays logarithmic.
            if (j - lo < hi - i) {
                introsort(lo, j, depth);
                lo = i;
            } else {
                introsort(i, hi, depth);
                hi = j;
            }
        }
        insertionSort(lo, hi);
    }

    private void insertionSort(int lo, int hi) {
        for (int i = lo + 1; i <= hi; i++) {
            if (compare(i - 1, i) <= 0) {
                continue;
            }
            System.arraycopy(records, i * stride, temp, 0, stride);
            int j = i - 1;
            while (j >= lo && compareWithTemp(j) > 0) {
                System.arraycopy(records, j * stride, records, (j + 1) * stride, stride);
                j--;
            }
            System.arraycopy(temp, 0, records, (j + 1) * stride, stride);
        }
    }

    private void heapsort(int lo, int hi) {
        int n = hi - lo + 1;
        for (int i = n / 2 - 1; i >= 0; i--) {
            siftDown(lo, i, n);
        }
        for (int end = n - 1; end > 0; end--) {
            swap(lo, lo + end);
            siftDown(lo, 0, end);
        }
    }

    private void siftDown(int lo, int i, int n) {
        while (true) {
            int child = 2 * i + 1;
            if (child >= n) {
                return;
            }
            if (child + 1 < n && compare(lo + child + 1, lo + child) > 0) {
                child++;
            }
            if (compare(lo + i, lo + child) >= 0) {
                return;
            }
            swap(lo + i, lo + child);
            i = child;
        }
    }

    private int compare(int a, int b) {
        int ao = a * stride;
        int bo = b * stride;
        for (int w = 0; w < words; w++) {
            long x = records[ao + w];
            long y = records[bo + w];
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return 0;
    }

    private int compareToPivot(int a) {
        int ao = a * stride;
        for (int w = 0; w < words; w++) {
            long x = records[ao + w];
            long y = pivot[w];
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return 0;
    }

    private int compareWithTemp(int a) {
        int ao = a * stride;
        for (int w = 0; w < words; w++) {
            long x = records[ao + w];
            long y = temp[w];
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return 0;
    }

    private void swap(int a, int b) {
        int ao = a * stride;
        int bo = b * stride;
        for (int w = 0; w < stride; w++) {
            long t = records[ao + w];
            records[ao + w] = records[bo + w];
            records[bo + w] = t;
        }
    }
}
