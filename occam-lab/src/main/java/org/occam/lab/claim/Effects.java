package org.occam.lab.claim;

import java.util.Arrays;

/** Per-seed statistics that turn one seed's runs into one value of a claim's statistic. */
public final class Effects {
    private Effects() {
    }

    /**
     * Spearman's ρ (Pearson correlation of average ranks, so ties are handled); 0 when a sample is constant.
     *
     * @param a a sample
     * @param b a sample of the same length
     * @return ρ
     */
    public static double spearman(double[] a, double[] b) {
        requirePairs(a, b, "spearman");
        return pearson(ranks(a), ranks(b));
    }

    /**
     * Pearson's correlation; 0 when a sample is constant.
     *
     * @param a a sample
     * @param b a sample of the same length
     * @return the correlation
     */
    public static double pearson(double[] a, double[] b) {
        requirePairs(a, b, "pearson");
        double ma = SeedStatistics.mean(a);
        double mb = SeedStatistics.mean(b);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

    /**
     * Least-squares slope of y on x.
     *
     * @param x the abscissae
     * @param y the ordinates
     * @return the slope
     */
    public static double slope(double[] x, double[] y) {
        requirePairs(x, y, "slope");
        double mx = SeedStatistics.mean(x);
        double my = SeedStatistics.mean(y);
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
        }
        if (sxx == 0) {
            throw new IllegalArgumentException("slope: all x are equal");
        }
        return sxy / sxx;
    }

    /**
     * Average ranks, 1-based.
     *
     * @param v the values
     * @return their ranks
     */
    public static double[] ranks(double[] v) {
        Integer[] idx = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, (i, j) -> Double.compare(v[i], v[j]));
        double[] r = new double[v.length];
        for (int i = 0; i < v.length;) {
            int j = i;
            while (j + 1 < v.length && v[idx[j + 1]] == v[idx[i]]) {
                j++;
            }
            double avg = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[idx[k]] = avg;
            }
            i = j + 1;
        }
        return r;
    }

    private static void requirePairs(double[] a, double[] b, String what) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException(what + " needs two samples of equal length >= 2, got " + a.length
                    + " and " + b.length);
        }
    }
}
