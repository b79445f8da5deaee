package io.haechi.datagen.random;

import java.util.SplittableRandom;

/** Small continuous samplers over a {@link SplittableRandom}. */
public final class Distributions {
    private Distributions() {
    }

    /** A standard normal variate (Box–Muller; one of the pair is dropped so each call uses exactly 2 draws). */
    public static double normal(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** A log-normal variate with the given median ({@code e^mu}) and sigma. */
    public static double logNormal(SplittableRandom random, double median, double sigma) {
        return median * Math.exp(sigma * normal(random));
    }

    /** True with probability {@code p}. */
    public static boolean bernoulli(SplittableRandom random, double p) {
        return random.nextDouble() < p;
    }
}
