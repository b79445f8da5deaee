package io.haechi.datagen.random;

import java.util.SplittableRandom;

/**
 * Draws ranks 1..n with probability proportional to {@code 1 / k^s} in O(1) time and memory, by Hörmann and
 * Derflinger's rejection-inversion method ("Rejection-inversion to generate variates from monotone discrete
 * distributions", 1996). Used where n is too large for an alias table (the user population).
 */
public final class ZipfSampler {
    private final long n;
    private final double s;
    private final double hIntegralX1;
    private final double hIntegralN;
    private final double threshold;

    public ZipfSampler(long n, double s) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be >= 1, got " + n);
        }
        if (!(s > 0)) {
            throw new IllegalArgumentException("exponent must be > 0, got " + s);
        }
        this.n = n;
        this.s = s;
        this.hIntegralX1 = hIntegral(1.5) - 1.0;
        this.hIntegralN = hIntegral(n + 0.5);
        this.threshold = 2.0 - hIntegralInverse(hIntegral(2.5) - h(2.0));
    }

    /** A rank in 1..n. */
    public long sample(SplittableRandom random) {
        while (true) {
            double u = hIntegralN + random.nextDouble() * (hIntegralX1 - hIntegralN);
            double x = hIntegralInverse(u);
            long k = (long) (x + 0.5);
            if (k < 1) {
                k = 1;
            } else if (k > n) {
                k = n;
            }
            if (k - x <= threshold || u >= hIntegral(k + 0.5) - h(k)) {
                return k;
            }
        }
    }

    private double h(double x) {
        return Math.exp(-s * Math.log(x));
    }

    private double hIntegral(double x) {
        double logX = Math.log(x);
        return helper2((1.0 - s) * logX) * logX;
    }

    private double hIntegralInverse(double x) {
        double t = x * (1.0 - s);
        if (t < -1.0) {
            t = -1.0;
        }
        return Math.exp(helper1(t) * x);
    }

    /** log(1+x)/x, accurate near 0. */
    private static double helper1(double x) {
        return Math.abs(x) > 1e-8 ? Math.log1p(x) / x : 1.0 - x * (0.5 - x * (1.0 / 3.0 - 0.25 * x));
    }

    /** (exp(x)-1)/x, accurate near 0. */
    private static double helper2(double x) {
        return Math.abs(x) > 1e-8 ? Math.expm1(x) / x : 1.0 + x * 0.5 * (1.0 + x / 3.0 * (1.0 + 0.25 * x));
    }
}
