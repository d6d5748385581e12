package org.occam.maxmargin;

/**
 * The exact ℓ∞-margin direction, max γ s.t. y_i wᵀx_i ≥ γ and ‖w‖_∞ ≤ 1 (docs/max-margin.md): a
 * linear program in (w, γ) with n + 2d constraints, solved by vertex enumeration. Its optimum sits at a
 * vertex, where d + 1 linearly independent constraints are active; every such vertex is solved and the
 * feasible one with the largest γ kept. For small sets only.
 */
public final class LinfMaxMargin {
    /** The most vertices enumerated before giving up. */
    public static final long MAX_SUBSETS = 5_000_000L;
    static final double TOL = 1e-9;

    private LinfMaxMargin() {
    }

    /**
     * The solution.
     *
     * @param w      a maximizer with ‖w‖_∞ = 1
     * @param margin the ℓ∞ max margin γ*
     * @param unique whether every optimal vertex is the same w (else the maximizers form a face and
     *               the direction is not determined by the data)
     */
    public record Solution(double[] w, double margin, boolean unique) {
    }

    /**
     * Solves the LP exactly; throws if the data are not separable through the origin or too large.
     *
     * @param data the separable data
     * @return the ℓ∞-margin direction and its margin
     */
    public static Solution solve(Separable data) {
        int n = data.size();
        int d = data.dim();
        int m = n + 2 * d;
        Subsets.requireSmall("l-infinity max margin", m, Subsets.choose(m, d + 1), MAX_SUBSETS);
        // constraint r as a row over (w, γ) with rhs: a_r·(w, γ) ≤ b_r
        double[][] a = new double[m][d + 1];
        double[] b = new double[m];
        for (int i = 0; i < n; i++) {
            double[] x = data.row(i);
            for (int j = 0; j < d; j++) {
                a[i][j] = -data.label(i) * x[j];
            }
            a[i][d] = 1;
        }
        for (int j = 0; j < d; j++) {
            a[n + 2 * j][j] = 1;
            b[n + 2 * j] = 1;
            a[n + 2 * j + 1][j] = -1;
            b[n + 2 * j + 1] = 1;
        }
        double[][] best = {null};
        boolean[] unique = {true};
        Subsets.forEach(m, d + 1, s -> {
            double[][] sys = new double[d + 1][];
            double[] rhs = new double[d + 1];
            for (int r = 0; r < s.length; r++) {
                sys[r] = a[s[r]];
                rhs[r] = b[s[r]];
            }
            double[] v = SmallLinearSystem.solve(sys, rhs, 1e-12);
            if (v == null || !feasible(a, b, v)) {
                return;
            }
            if (best[0] == null || v[d] > best[0][d] + TOL) {
                best[0] = v;
                unique[0] = true;
            } else if (Math.abs(v[d] - best[0][d]) <= TOL && !same(v, best[0])) {
                unique[0] = false;
            }
        });
        if (best[0] == null || !(best[0][d] > TOL)) {
            throw new IllegalArgumentException("the data are not linearly separable through the origin: the l-infinity"
                    + " margin is not positive");
        }
        double[] w = new double[d];
        System.arraycopy(best[0], 0, w, 0, d);
        return new Solution(w, best[0][d], unique[0]);
    }

    private static boolean feasible(double[][] a, double[] b, double[] v) {
        for (int r = 0; r < a.length; r++) {
            if (HardMarginSvm.dot(a[r], v) > b[r] + TOL) {
                return false;
            }
        }
        return true;
    }

    private static boolean same(double[] u, double[] v) {
        for (int j = 0; j < u.length; j++) {
            if (Math.abs(u[j] - v[j]) > 1e-7) {
                return false;
            }
        }
        return true;
    }
}
