package org.occam.maxmargin;

/** Angles between directions, accurate for small angles (docs/max-margin.md). */
public final class Angles {
    private Angles() {
    }

    /**
     * The angle in radians between a and b: 2·atan2(‖â − b̂‖, ‖â + b̂‖), NaN if either is zero.
     *
     * @param a a vector
     * @param b a vector
     * @return the angle in [0, π]
     */
    public static double between(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("vectors of lengths " + a.length + " and " + b.length);
        }
        double na = Norm.L2.of(a);
        double nb = Norm.L2.of(b);
        if (na == 0 || nb == 0) {
            return Double.NaN;
        }
        double minus = 0;
        double plus = 0;
        for (int j = 0; j < a.length; j++) {
            double u = a[j] / na;
            double v = b[j] / nb;
            minus += (u - v) * (u - v);
            plus += (u + v) * (u + v);
        }
        return 2 * Math.atan2(Math.sqrt(minus), Math.sqrt(plus));
    }
}
