package io.haechi.model.lattice;

import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Finds each cuboid's cheapest strict superset by (estimated rows, dimensions, id). Cuboids are bucketed by level
 * (dimension count) and sorted by cost within a level; per level and dimension, a bitset over those sorted positions
 * marks the cuboids holding the dimension. For a cuboid c, a first bound comes from the one-dimension-larger
 * cuboids and the base (hash look-ups); then each higher level is scanned, 64 positions per word with the rarest
 * dimension's bitset first, but only over its positions cheaper than the best so far (a binary search). The first
 * hit in a level is that level's cheapest superset. Without estimates only levels above the bound's are cut to nothing;
 * with near
 * monotone estimates the bound keeps higher levels short. Level k+1 is never scanned: its supersets of c are exactly
 * the one-dimension-larger cuboids, found by look-up.
 */
final class ParentFinder {
    private static final int UNKNOWN = -1;

    private final CuboidSet set;
    private final Level[] levels = new Level[64];
    private final LongIntMap levelIndex;
    private final int[] bitFrequency = new int[63];

    /** One level: its cuboids sorted by cost, their rows, and per-dimension bitsets over the sorted positions. */
    private static final class Level {
        long[] ids;
        long[] rows;
        long[][] postings = new long[63][];
    }

    ParentFinder(CuboidSet set, RowEstimates estimates) {
        this.set = set;
        int n = set.size();
        int[] counts = new int[64];
        for (int i = 0; i < n; i++) {
            counts[Long.bitCount(set.idAt(i))]++;
        }
        long[][] rawIds = new long[64][];
        long[][] rawRows = new long[64][];
        int[] fill = new int[64];
        for (int l = 0; l < 64; l++) {
            rawIds[l] = new long[counts[l]];
            rawRows[l] = new long[counts[l]];
        }
        for (int i = 0; i < n; i++) {
            long id = set.idAt(i);
            int l = Long.bitCount(id);
            OptionalLong r = estimates.rows(id);
            rawIds[l][fill[l]] = id;
            rawRows[l][fill[l]++] = r.orElse(Long.MAX_VALUE);
        }
        levelIndex = new LongIntMap(n);
        for (int l = 0; l < 64; l++) {
            if (counts[l] > 0) {
                levels[l] = sortedLevel(rawIds[l], rawRows[l]);
                for (int p = 0; p < counts[l]; p++) {
                    levelIndex.put(levels[l].ids[p], p);
                }
            }
        }
    }

    private Level sortedLevel(long[] ids, long[] rows) {
        Integer[] order = new Integer[ids.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> rows[a] != rows[b] ? Long.compare(rows[a], rows[b])
                : Long.compare(ids[a], ids[b]));
        Level level = new Level();
        level.ids = new long[ids.length];
        level.rows = new long[ids.length];
        int words = (ids.length + 63) >>> 6;
        for (int p = 0; p < ids.length; p++) {
            long id = ids[order[p]];
            level.ids[p] = id;
            level.rows[p] = rows[order[p]];
            for (long bits = id; bits != 0; bits &= bits - 1) {
                int b = Long.numberOfTrailingZeros(bits);
                if (level.postings[b] == null) {
                    level.postings[b] = new long[words];
                }
                level.postings[b][p >>> 6] |= 1L << (p & 63);
                bitFrequency[b]++;
            }
        }
        return level;
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
        int k = Long.bitCount(c);
        long bestId = UNKNOWN;
        long bestRows = Long.MAX_VALUE;
        long base = set.baseCuboid();
        if (base != c && (base & c) == c) {
            bestId = base;
            bestRows = rowsOf(base);
        }
        for (long missing = base & ~c; missing != 0; missing &= missing - 1) {
            long candidate = c | Long.lowestOneBit(missing);
            if (levelIndex.get(candidate) >= 0) {
                long rows = rowsOf(candidate);
                if (bestId == UNKNOWN || cheaper(rows, candidate, bestRows, bestId)) {
                    bestId = candidate;
                    bestRows = rows;
                }
            }
        }
        int[] dims = rarestFirst(c);
        // Level k+1 holds exactly the one-dimension-larger cuboids, all looked up above.
        for (int l = k + 2; l < 64; l++) {
            Level level = levels[l];
            if (level == null) {
                continue;
            }
            int cutoff = bestId == UNKNOWN ? level.ids.length : cheaperThan(level, bestRows, bestId);
            int hit = firstSuperset(level, dims, cutoff);
            if (hit >= 0) {
                bestId = level.ids[hit];
                bestRows = level.rows[hit];
            }
        }
        return bestId;
    }

    private long rowsOf(long id) {
        return levels[Long.bitCount(id)].rows[levelIndex.get(id)];
    }

    /** Cost order: rows, then dimensions, then id. */
    private static boolean cheaper(long rows, long id, long otherRows, long otherId) {
        if (rows != otherRows) {
            return rows < otherRows;
        }
        int bits = Long.bitCount(id);
        int otherBits = Long.bitCount(otherId);
        return bits != otherBits ? bits < otherBits : id < otherId;
    }

    /** How many of the level's (sorted) cuboids are cheaper than the given one. */
    private static int cheaperThan(Level level, long rows, long id) {
        int lo = 0;
        int hi = level.ids.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cheaper(level.rows[mid], level.ids[mid], rows, id)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first position below {@code cutoff} whose cuboid holds every dimension in {@code dims}, or -1. */
    private static int firstSuperset(Level level, int[] dims, int cutoff) {
        for (int b : dims) {
            if (level.postings[b] == null) {
                return -1;
            }
        }
        int words = (cutoff + 63) >>> 6;
        for (int w = 0; w < words; w++) {
            long acc = -1L;
            for (int b : dims) {
                acc &= level.postings[b][w];
                if (acc == 0) {
                    break;
                }
            }
            if (w == words - 1 && (cutoff & 63) != 0) {
                acc &= (1L << (cutoff & 63)) - 1;
            }
            if (acc != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(acc);
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
            while (j >= 0 && bitFrequency[dims[j]] > bitFrequency[d]) {
                dims[j + 1] = dims[j];
                j--;
            }
            dims[j + 1] = d;
        }
        return dims;
    }
}
