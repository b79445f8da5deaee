package io.haechi.datagen.random;

/**
 * One dbgen random stream: the Park–Miller "minimal standard" generator {@code s <- s * 16807 mod (2^31 - 1)}.
 * {@link #uniform} reproduces dbgen's {@code UnifInt} bit for bit (IEEE double arithmetic), and {@link #skip}
 * jumps ahead in O(log n), which lets independent parts of a table be generated in any order.
 */
public final class ParkMiller {
    public static final long MODULUS = 2147483647L;
    public static final long MULTIPLIER = 16807L;

    private long seed;

    public ParkMiller(long seed) {
        if (seed <= 0 || seed >= MODULUS) {
            throw new IllegalArgumentException("seed must be in 1.." + (MODULUS - 1) + ", got " + seed);
        }
        this.seed = seed;
    }

    /** Advances the stream and returns the new state (1..2^31-2). */
    public long next() {
        seed = seed * MULTIPLIER % MODULUS;
        return seed;
    }

    /** dbgen's {@code UnifInt(lo, hi)}: advance, then {@code lo + (long) (s / (2^31-1) * (hi - lo + 1))}. */
    public long uniform(long lo, long hi) {
        double range = (double) (hi - lo + 1);
        return lo + (long) ((double) next() / (double) MODULUS * range);
    }

    /** {@link #uniform} for int bounds. */
    public int uniformInt(int lo, int hi) {
        return (int) uniform(lo, hi);
    }

    /** Advances the stream by {@code n} draws without producing them. */
    public void skip(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot skip a negative number of draws: " + n);
        }
        seed = seed * power(MULTIPLIER, n) % MODULUS;
    }

    /** The current state. */
    public long state() {
        return seed;
    }

    private static long power(long base, long exponent) {
        long result = 1;
        long b = base % MODULUS;
        long e = exponent;
        while (e > 0) {
            if ((e & 1) != 0) {
                result = result * b % MODULUS;
            }
            b = b * b % MODULUS;
            e >>= 1;
        }
        return result;
    }
}
