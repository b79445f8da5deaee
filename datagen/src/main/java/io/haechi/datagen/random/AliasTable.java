package io.haechi.datagen.random;

import java.util.SplittableRandom;

/**
 * Walker/Vose alias table: draws index {@code i} with probability {@code weights[i] / sum(weights)} in O(1).
 * Immutable after construction, so one table can be shared by threads that each bring their own random source.
 */
public final class AliasTable {
    private final double[] probability;
    private final int[] alias;

    public AliasTable(double[] weights) {
        int n = weights.length;
        if (n == 0) {
            throw new IllegalArgumentException("an alias table needs at least one weight");
        }
        double sum = 0;
        for (double w : weights) {
            if (!(w >= 0) || Double.isInfinite(w)) {
                throw new IllegalArgumentException("weights must be finite and >= 0, got " + w);
            }
            sum += w;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("weights must not all be 0");
        }
        probability = new double[n];
        alias = new int[n];
        double[] scaled = new double[n];
        int[] small = new int[n];
        int[] large = new int[n];
        int ns = 0;
        int nl = 0;
        for (int i = 0; i < n; i++) {
            scaled[i] = weights[i] * n / sum;
            if (scaled[i] < 1.0) {
                small[ns++] = i;
            } else {
                large[nl++] = i;
            }
        }
        while (ns > 0 && nl > 0) {
            int s = small[--ns];
            int l = large[--nl];
            probability[s] = scaled[s];
            alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1.0;
            if (scaled[l] < 1.0) {
                small[ns++] = l;
            } else {
                large[nl++] = l;
            }
        }
        while (nl > 0) {
            probability[large[--nl]] = 1.0;
        }
        while (ns > 0) {
            probability[small[--ns]] = 1.0;
        }
    }

    /** Zipf weights {@code 1 / rank^s} for ranks 1..n. */
    public static double[] zipfWeights(int n, double s) {
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = 1.0 / Math.pow(i + 1, s);
        }
        return w;
    }

    public int size() {
        return probability.length;
    }

    public int sample(SplittableRandom random) {
        int i = random.nextInt(probability.length);
        return random.nextDouble() < probability[i] ? i : alias[i];
    }
}
