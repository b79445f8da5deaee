package io.haechi.datagen.ads;

/** Splits an integer total in proportion to weights so that the parts sum to the total exactly. */
final class Apportion {
    private Apportion() {
    }

    /** Hamilton's method: floor of each quota, then one more to the largest remainders (ties to the lower index). */
    static long[] largestRemainder(long total, double[] weights) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        long[] parts = new long[weights.length];
        double[] remainder = new double[weights.length];
        long assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double quota = total * weights[i] / sum;
            parts[i] = (long) Math.floor(quota);
            remainder[i] = quota - parts[i];
            assigned += parts[i];
        }
        for (long left = total - assigned; left > 0; left--) {
            int best = 0;
            for (int i = 1; i < weights.length; i++) {
                if (remainder[i] > remainder[best]) {
                    best = i;
                }
            }
            parts[best]++;
            remainder[best] = -1;
        }
        return parts;
    }
}
