package io.haechi.builder.cuboid;

/**
 * Projects keys of a parent cuboid onto a child cuboid (a subset of its dimensions). Runs of dimensions that are
 * adjacent in both layouts move as one bit field, so dropping one dimension costs two shifts and masks per word.
 *
 * <p>It also knows the child's <em>sorted prefix</em>: the leading child dimensions that are also the leading
 * parent dimensions. Parent rows arrive sorted, so projected keys arrive grouped by that prefix and ascending in it;
 * only within a group must the child sort.
 */
final class KeyProjection {
    private final int childWords;
    private final int[] sourceWord;
    private final int[] sourceShift;
    private final long[] mask;
    private final int[] targetWord;
    private final int[] targetShift;
    private final int sortedPrefix;
    private final long[] prefixMask;
    private final boolean childIsPrefix;

    KeyProjection(KeyLayout parent, KeyLayout child) {
        int n = child.dimensionCount();
        int[] parentPosition = new int[n];
        int p = 0;
        for (int i = 0; i < n; i++) {
            while (parent.dimension(p) != child.dimension(i)) {
                p++;
            }
            parentPosition[i] = p;
        }
        int[] sw = new int[n];
        int[] ss = new int[n];
        int[] tw = new int[n];
        int[] ts = new int[n];
        long[] m = new long[n];
        int segments = 0;
        for (int i = 0; i < n; i++) {
            int pp = parentPosition[i];
            boolean extend = segments > 0 && parentPosition[i - 1] == pp - 1
                    && parent.word(pp) == sw[segments - 1] && child.word(i) == tw[segments - 1];
            if (extend) {
                // Adjacent in both layouts: the field of position i sits right below the segment's lowest field.
                int width = Long.bitCount(m[segments - 1]) + child.bits(i);
                m[segments - 1] = width == 64 ? -1L : (1L << width) - 1;
                ss[segments - 1] = parent.shift(pp);
                ts[segments - 1] = child.shift(i);
            } else {
                sw[segments] = parent.word(pp);
                ss[segments] = parent.shift(pp);
                tw[segments] = child.word(i);
                ts[segments] = child.shift(i);
                m[segments] = (1L << child.bits(i)) - 1;
                segments++;
            }
        }
        this.sourceWord = java.util.Arrays.copyOf(sw, segments);
        this.sourceShift = java.util.Arrays.copyOf(ss, segments);
        this.targetWord = java.util.Arrays.copyOf(tw, segments);
        this.targetShift = java.util.Arrays.copyOf(ts, segments);
        this.mask = java.util.Arrays.copyOf(m, segments);
        this.childWords = child.words();
        int prefix = 0;
        while (prefix < n && parentPosition[prefix] == prefix) {
            prefix++;
        }
        this.sortedPrefix = prefix;
        this.childIsPrefix = prefix == n;
        this.prefixMask = new long[childWords];
        for (int i = 0; i < prefix; i++) {
            long fieldMask = (1L << child.bits(i)) - 1;
            prefixMask[child.word(i)] |= fieldMask << child.shift(i);
        }
    }

    /** Writes the child key of parent key {@code source[sourceOffset..]} to {@code target[targetOffset..]}. */
    void project(long[] source, int sourceOffset, long[] target, int targetOffset) {
        for (int w = 0; w < childWords; w++) {
            target[targetOffset + w] = 0;
        }
        for (int s = 0; s < mask.length; s++) {
            target[targetOffset + targetWord[s]] |=
                    ((source[sourceOffset + sourceWord[s]] >>> sourceShift[s]) & mask[s]) << targetShift[s];
        }
    }

    /** Number of leading child dimensions that lead the parent too. */
    int sortedPrefix() {
        return sortedPrefix;
    }

    /** Whether the child's dimensions are a prefix of the parent's: projected keys arrive sorted. */
    boolean childIsPrefix() {
        return childIsPrefix;
    }

    /** Whether two child keys agree on the sorted prefix. */
    boolean samePrefix(long[] a, int aOffset, long[] b, int bOffset) {
        for (int w = 0; w < childWords; w++) {
            if (((a[aOffset + w] ^ b[bOffset + w]) & prefixMask[w]) != 0) {
                return false;
            }
        }
        return true;
    }
}
