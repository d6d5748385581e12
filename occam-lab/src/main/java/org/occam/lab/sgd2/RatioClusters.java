package org.occam.lab.sgd2;

/**
 * Whether runs cluster by group (one-way analysis of variance): for k groups of n values each,
 * the within-group mean square MS_w = Σ_g Σ_i (v_gi − v̄_g)² / (k(n − 1)) and the between-group
 * mean square MS_b = n Σ_g (v̄_g − v̄)² / (k − 1). Without any group effect both estimate the
 * same noise variance (their ratio, Fisher's F = MS_b/MS_w, is about 1); log10(MS_w/MS_b) &lt; 0
 * says the values spread less within a group than between groups.
 */
public final class RatioClusters {
    private RatioClusters() {
    }

    /**
     * log10(MS_w / MS_b) of equal-sized groups (k ≥ 2 groups of n ≥ 2); NaN when a value is not finite.
     *
     * @param groups the values of each group
     * @return log10(MS_w/MS_b)
     */
    public static double logWithinOverBetween(double[][] groups) {
        int k = groups.length;
        if (k < 2) {
            throw new IllegalArgumentException("clustering needs at least 2 groups, got " + k);
        }
        int n = groups[0].length;
        if (n < 2) {
            throw new IllegalArgumentException("clustering needs at least 2 values per group, got " + n);
        }
        double grand = 0;
        double[] means = new double[k];
        for (int g = 0; g < k; g++) {
            if (groups[g].length != n) {
                throw new IllegalArgumentException("clustering needs groups of equal size, got " + groups[g].length
                        + " and " + n);
            }
            for (double v : groups[g]) {
                if (!Double.isFinite(v)) {
                    return Double.NaN;
                }
                means[g] += v / n;
            }
            grand += means[g] / k;
        }
        double within = 0;
        double between = 0;
        for (int g = 0; g < k; g++) {
            for (double v : groups[g]) {
                within += (v - means[g]) * (v - means[g]);
            }
            between += (means[g] - grand) * (means[g] - grand);
        }
        double msw = within / (k * (n - 1.0));
        double msb = n * between / (k - 1.0);
        return Math.log10(msw / msb);
    }
}
