package io.haechi.builder.cuboid;

/**
 * How a cuboid's codes pack into {@code long} words: the dimensions in row-key order, each in its own bit field,
 * filled from the most significant bit of word 0 down, a field never straddling two words. Comparing the words as
 * unsigned longs, word by word, therefore orders keys exactly like comparing the codes dimension by dimension.
 */
final class KeyLayout {
    private final long cuboid;
    private final int[] dimensions;
    private final int[] bits;
    private final int[] word;
    private final int[] shift;
    private final int words;

    KeyLayout(long cuboid, int dimensionCount, int[] allBits) {
        this.cuboid = cuboid;
        this.dimensions = CuboidIds.dimensions(dimensionCount, cuboid);
        int n = dimensions.length;
        this.bits = new int[n];
        this.word = new int[n];
        this.shift = new int[n];
        int currentWord = 0;
        int free = 64;
        for (int i = 0; i < n; i++) {
            int b = allBits[dimensions[i]];
            if (b > free) {
                currentWord++;
                free = 64;
            }
            bits[i] = b;
            word[i] = currentWord;
            shift[i] = free - b;
            free -= b;
        }
        this.words = currentWord + 1;
    }

    long cuboid() {
        return cuboid;
    }

    int[] dimensions() {
        return dimensions.clone();
    }

    int dimensionCount() {
        return dimensions.length;
    }

    int dimension(int position) {
        return dimensions[position];
    }

    int bits(int position) {
        return bits[position];
    }

    int word(int position) {
        return word[position];
    }

    int shift(int position) {
        return shift[position];
    }

    /** Number of {@code long} words of a key (at least 1, also for the cuboid without dimensions). */
    int words() {
        return words;
    }

    int code(long[] key, int offset, int position) {
        return (int) ((key[offset + word[position]] >>> shift[position]) & ((1L << bits[position]) - 1));
    }

    /** Unsigned comparison of two keys of this layout. */
    static int compare(long[] a, int aOffset, long[] b, int bOffset, int words) {
        for (int i = 0; i < words; i++) {
            long x = a[aOffset + i];
            long y = b[bOffset + i];
            if (x != y) {
                return Long.compareUnsigned(x, y);
            }
        }
        return 0;
    }

    static boolean equal(long[] a, int aOffset, long[] b, int bOffset, int words) {
        for (int i = 0; i < words; i++) {
            if (a[aOffset + i] != b[bOffset + i]) {
                return false;
            }
        }
        return true;
    }
}
