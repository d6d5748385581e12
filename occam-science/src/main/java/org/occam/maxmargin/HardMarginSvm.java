package org.occam.maxmargin;

/**
 * The exact hard-margin SVM through the origin, min ½‖w‖² s.t. y_i wᵀx_i ≥ 1 (docs/max-margin.md),
 * by support enumeration: for every support set S of at most d examples, solve the active
 * constraints y_i wᵀx_i = 1 (i ∈ S) with w = Σ_{i∈S} α_i y_i x_i; a solution with α ≥ 0 that
 * satisfies every constraint is a KKT point, hence the optimum (the QP is strictly convex). By
 * Carathéodory an optimal α with at most d non-zeros exists. For small sets only.
 */
public final class HardMarginSvm {
    /** The most support sets enumerated before giving up (a few seconds). */
    public static final long MAX_SUBSETS = 5_000_000L;
    static final double TOL = 1e-9;

    private HardMarginSvm() {
    }

    /**
     * The solution.
     *
     * @param w       the SVM weight vector (its direction is the ℓ2 max-margin direction)
     * @param support indices of the support vectors (α_i &gt; 0)
     * @param alpha   the dual variables of the support vectors, aligned with support
     * @param margin  the ℓ2 max margin 1/‖w‖
     */
    public record Solution(double[] w, int[] support, double[] alpha, double margin) {
    }

    /**
     * Solves the SVM exactly; throws if the data are not separable through the origin or too large to enumerate.
     *
     * @param data the separable data
     * @return the max-margin w, its support vectors and their multipliers, and the margin
     */
    public static Solution solve(Separable data) {
        int n = data.size();
        int d = data.dim();
        Subsets.requireSmall("hard-margin SVM", n, Subsets.upTo(n, Math.min(n, d)), MAX_SUBSETS);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = data.label(i) * data.row(i)[j];
            }
        }
        Solution[] best = {null};
        for (int k = 1; k <= Math.min(n, d); k++) {
            Subsets.forEach(n, k, s -> {
                Solution c = candidate(data, z, s);
                if (c != null && (best[0] == null || c.margin() > best[0].margin())) {
                    best[0] = c;
                }
            });
        }
        if (best[0] == null) {
            throw new IllegalArgumentException("the data are not linearly separable through the origin: no hard-margin"
                    + " SVM exists");
        }
        return best[0];
    }

    private static Solution candidate(Separable data, double[][] z, int[] s) {
        int k = s.length;
        double[][] gram = new double[k][k];
        double[] ones = new double[k];
        for (int a = 0; a < k; a++) {
            ones[a] = 1;
            for (int b = 0; b < k; b++) {
                gram[a][b] = dot(z[s[a]], z[s[b]]);
            }
        }
        double[] alpha = SmallLinearSystem.solve(gram, ones, 1e-12);
        if (alpha == null) {
            return null;
        }
        for (double a : alpha) {
            if (a < -TOL) {
                return null;
            }
        }
        int d = z[0].length;
        double[] w = new double[d];
        for (int a = 0; a < k; a++) {
            for (int j = 0; j < d; j++) {
                w[j] += alpha[a] * z[s[a]][j];
            }
        }
        for (double m : data.margins(w)) {
            if (m < 1 - TOL) {
                return null;
            }
        }
        return new Solution(w, s.clone(), alpha, 1 / Norm.L2.of(w));
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += a[j] * b[j];
        }
        return s;
    }
}
