package io.haechi.datagen.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SamplersTest {
    @Test
    void aliasTableDrawsInProportionToWeights() {
        double[] w = {26.5, 18.3, 0, 6.4, 1.0};
        AliasTable t = new AliasTable(w);
        SplittableRandom r = new SplittableRandom(7);
        int n = 400_000;
        int[] counts = new int[w.length];
        for (int i = 0; i < n; i++) {
            counts[t.sample(r)]++;
        }
        double sum = 26.5 + 18.3 + 6.4 + 1.0;
        for (int i = 0; i < w.length; i++) {
            assertThat(counts[i] / (double) n).as("index %d", i).isCloseTo(w[i] / sum, within(0.004));
        }
        assertThat(counts[2]).isZero();
    }

    @Test
    void zipfSamplerMatchesExactProbabilities() {
        long n = 1000;
        double s = 0.9;
        double h = 0;
        for (int k = 1; k <= n; k++) {
            h += Math.pow(k, -s);
        }
        ZipfSampler z = new ZipfSampler(n, s);
        SplittableRandom r = new SplittableRandom(11);
        int draws = 500_000;
        int[] counts = new int[(int) n + 1];
        for (int i = 0; i < draws; i++) {
            long k = z.sample(r);
            assertThat(k).isBetween(1L, n);
            counts[(int) k]++;
        }
        for (int k : new int[] {1, 2, 3, 10, 100}) {
            double p = Math.pow(k, -s) / h;
            assertThat(counts[k] / (double) draws).as("rank %d", k).isCloseTo(p, within(4 * Math.sqrt(p / draws)));
        }
        long top10 = 0;
        for (int k = 1; k <= 100; k++) {
            top10 += counts[k];
        }
        double expectedTop10 = 0;
        for (int k = 1; k <= 100; k++) {
            expectedTop10 += Math.pow(k, -s) / h;
        }
        assertThat(top10 / (double) draws).isCloseTo(expectedTop10, within(0.005));
    }

    @Test
    void splitMixIsAFixedBijectionSample() {
        // first output of splitmix64 seeded with 0 (Vigna's reference: 0xE220A8397B1DCDAF)
        assertThat(SplitMix64.mix(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(SplitMix64.mix(1)).isNotEqualTo(SplitMix64.mix(2));
        assertThat(SplitMix64.derive(1, 2, 3)).isNotEqualTo(SplitMix64.derive(1, 3, 2));
    }

    @Test
    void logNormalHasTheGivenMedian() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[100_001];
        for (int i = 0; i < v.length; i++) {
            v[i] = Distributions.logNormal(r, 2000, 0.5);
        }
        java.util.Arrays.sort(v);
        assertThat(v[v.length / 2]).isCloseTo(2000, within(25.0));
        // P(X < median * e^-0.5) = P(Z < -1) = 15.87%
        int below = 0;
        for (double x : v) {
            if (x < 2000 * Math.exp(-0.5)) {
                below++;
            }
        }
        assertThat(below / (double) v.length).isCloseTo(0.1587, within(0.005));
    }
}
