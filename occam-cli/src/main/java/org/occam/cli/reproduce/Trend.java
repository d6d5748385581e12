package org.occam.cli.reproduce;

import java.util.Arrays;

/** Rank correlation of an observed trend, with the sign a paper claims. */
public record Trend(String x, String y, double spearman, int expectedSign, String claim) {

    /** Whether the observed correlation has the claimed sign (a zero correlation is not). */
    public boolean consistent() {
        return Math.signum(spearman) == expectedSign;
    }

    /** Spearman's ρ (Pearson correlation of average ranks, so ties are handled). */
    public static double spearman(double[] a, double[] b) {
        if (a.length != b.length || a.length < 2) {
            throw new IllegalArgumentException("spearman needs two samples of equal length >= 2, got " + a.length
                    + " and " + b.length);
        }
        double[] ra = ranks(a);
        double[] rb = ranks(b);
        double ma = Arrays.stream(ra).average().orElse(0);
        double mb = Arrays.stream(rb).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < ra.length; i++) {
            sab += (ra[i] - ma) * (rb[i] - mb);
            saa += (ra[i] - ma) * (ra[i] - ma);
            sbb += (rb[i] - mb) * (rb[i] - mb);
        }
        return saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
    }

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

    /** One line: "ρ(h, sharpness) = −0.90  claim: falls as h grows  [consistent]". */
    public String describe() {
        return String.format(java.util.Locale.ROOT, "rho(%s, %s) = %+.2f   claim: %s   [%s]", x, y, spearman, claim,
                consistent() ? "consistent" : "NOT consistent");
    }
}
