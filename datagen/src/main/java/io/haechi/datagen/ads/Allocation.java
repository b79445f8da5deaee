package io.haechi.datagen.ads;

import io.haechi.datagen.random.AliasTable;
import java.util.SplittableRandom;

/** Splits a number of children over parents: each parent gets min..max, the counts sum to the total exactly. */
final class Allocation {
    private Allocation() {
    }

    /**
     * Draws a count per parent from Zipf(s) over min..max (s = 0 means uniform), then moves single children between
     * random parents until the counts sum to {@code total}, clamped to {@code [parents·min, parents·max]}.
     */
    static int[] counts(int parents, int total, int min, int max, double s, SplittableRandom random) {
        long target = Math.max((long) parents * min, Math.min((long) parents * max, total));
        double[] w = new double[max - min + 1];
        for (int k = min; k <= max; k++) {
            w[k - min] = s == 0 ? 1.0 : 1.0 / Math.pow(k, s);
        }
        AliasTable draw = new AliasTable(w);
        int[] counts = new int[parents];
        long sum = 0;
        for (int i = 0; i < parents; i++) {
            counts[i] = min + draw.sample(random);
            sum += counts[i];
        }
        while (sum > target) {
            int i = random.nextInt(parents);
            if (counts[i] > min) {
                counts[i]--;
                sum--;
            }
        }
        while (sum < target) {
            int i = random.nextInt(parents);
            if (counts[i] < max) {
                counts[i]++;
                sum++;
            }
        }
        return counts;
    }

    /** The first child index of each parent for children laid out contiguously by parent. */
    static int[] offsets(int[] counts) {
        int[] first = new int[counts.length + 1];
        for (int i = 0; i < counts.length; i++) {
            first[i + 1] = first[i] + counts[i];
        }
        return first;
    }
}
