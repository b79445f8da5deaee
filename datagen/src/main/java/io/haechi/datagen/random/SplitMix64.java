package io.haechi.datagen.random;

/** The splitmix64 finaliser: a bijection on 64-bit values that scatters consecutive inputs. */
public final class SplitMix64 {
    private SplitMix64() {
    }

    /** splitmix64 of {@code index}: the {@code index+1}-th output of a splitmix64 stream started at 0. */
    public static long mix(long index) {
        long z = index * 0x9E3779B97F4A7C15L + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A seed derived from a base seed and a path of keys, e.g. (seed, table, day, block). */
    public static long derive(long seed, long... keys) {
        long h = mix(seed);
        for (long k : keys) {
            h = mix(h ^ mix(k));
        }
        return h;
    }

    /** A stable 64-bit key for a name (FNV-1a), for use with {@link #derive}. */
    public static long key(String name) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            h ^= name.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }
}
