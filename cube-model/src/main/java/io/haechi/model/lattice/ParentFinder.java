package io.haechi.model.lattice;

import java.util.Arrays;
import java.util.OptionalLong;

/** Finds each cuboid's cheapest strict superset; the algorithm is described on {@link SpanningTree}. */
final class ParentFinder {
    private final CuboidSet set;
    private final long[] sorted;
    private final LongIntMap positionOf;
    private final long[][] postings = new long[63][];
    private final int[] postingSizes = new int[63];
    private final int[] levelStart = new int[65];
    private final boolean byRows;

    ParentFinder(CuboidSet set, RowEstimates estimates) {
        this.set = set;
        int n = set.size();
        long[] rows = new long[n];
        boolean anyEstimate = false;
        for (int i = 0; i < n; i++) {
            OptionalLong r = estimates.rows(set.idAt(i));
            anyEstimate |= r.isPresent();
            rows[i] = r.orElse(Long.MAX_VALUE);
        }
        this.byRows = anyEstimate;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Long.compare(rows[a], rows[b]);
            if (c == 0) {
                c = Integer.compare(Long.bitCount(set.idAt(a)), Long.bitCount(set.idAt(b)));
            }
            return c != 0 ? c : Long.compare(set.idAt(a), set.idAt(b));
        });
        sorted = new long[n];
        positionOf = new LongIntMap(n);
        int words = (n + 63) >>> 6;
        for (int p = 0; p < n; p++) {
            long id = set.idAt(order[p]);
            sorted[p] = id;
            positionOf.put(id, p);
            for (long bits = id; bits != 0; bits &= bits - 1) {
                int b = Long.numberOfTrailingZeros(bits);
                if (postings[b] == null) {
                    postings[b] = new long[words];
                }
                postings[b][p >>> 6] |= 1L << (p & 63);
                postingSizes[b]++;
            }
        }
        Arrays.fill(levelStart, n);
        for (int p = n - 1; p >= 0; p--) {
            int level = Long.bitCount(sorted[p]);
            for (int l = level; l >= 0 && levelStart[l] > p; l--) {
                levelStart[l] = p;
            }
        }
    }

    /** Parent id per cuboid in the set's ascending order, -1 for none. */
    long[] parents() {
        int n = set.size();
        long[] parents = new long[n];
        for (int i = 0; i < n; i++) {
            parents[i] = parentOf(set.idAt(i));
        }
        return parents;
    }

    private long parentOf(long c) {
        int self = positionOf.get(c);
        long universe = set.baseCuboid() | c;
        int bound = positionOf.get(set.baseCuboid());
        bound = bound == self ? -1 : bound;
        for (long missing = universe & ~c; missing != 0; missing &= missing - 1) {
            int p = positionOf.get(c | Long.lowestOneBit(missing));
            if (p >= 0 && (bound < 0 || p < bound)) {
                bound = p;
            }
        }
        int last = bound < 0 ? sorted.length - 1 : bound;
        int start = byRows ? 0 : levelStart[Math.min(64, Long.bitCount(c) + 1)];
        int[] dims = rarestFirst(c);
        for (int w = start >>> 6; w <= last >>> 6; w++) {
            long acc = -1L;
            for (int b : dims) {
                long[] posting = postings[b];
                acc &= posting == null ? 0 : posting[w];
                if (acc == 0) {
                    break;
                }
            }
            if (w == self >>> 6) {
                acc &= ~(1L << (self & 63));
            }
            if (w == start >>> 6) {
                acc &= -1L << (start & 63);
            }
            if (acc != 0) {
                int p = (w << 6) + Long.numberOfTrailingZeros(acc);
                return p <= last ? sorted[p] : -1;
            }
        }
        return -1;
    }

    private int[] rarestFirst(long c) {
        int[] dims = new int[Long.bitCount(c)];
        int k = 0;
        for (long bits = c; bits != 0; bits &= bits - 1) {
            dims[k++] = Long.numberOfTrailingZeros(bits);
        }
        for (int i = 1; i < dims.length; i++) {
            int d = dims[i];
            int j = i - 1;
            while (j >= 0 && postingSizes[dims[j]] > postingSizes[d]) {
                dims[j + 1] = dims[j];
                j--;
            }
            dims[j + 1] = d;
        }
        return dims;
    }
}
