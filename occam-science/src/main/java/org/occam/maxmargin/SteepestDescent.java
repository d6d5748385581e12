package org.occam.maxmargin;

/**
 * Steepest descent in a norm (docs/max-margin.md; Gunasekar et al. 2018): the unit direction
 * d = argmin_{‖d‖ ≤ 1} gᵀd, whose value is −‖g‖_*, and the step w ← w + η‖g‖_* d. In ℓ2 this is
 * GD; in ℓ∞ the direction is −sign(g) (sign descent, Adam's ε → 0, β₁ = β₂ = 0 limit); in ℓ1 it
 * moves the single coordinate with the largest |g_j|.
 */
public final class SteepestDescent {
    private SteepestDescent() {
    }

    /**
     * argmin over ‖d‖ ≤ 1 of gᵀd (ties broken towards the lowest index for ℓ1; sign(0) = 0 for ℓ∞).
     *
     * @param g the gradient
     * @param norm the norm of the unit ball
     * @return the unit direction d
     */
    public static double[] direction(double[] g, Norm norm) {
        double[] d = new double[g.length];
        switch (norm) {
            case L2 -> {
                double n = Norm.L2.of(g);
                for (int j = 0; j < g.length && n > 0; j++) {
                    d[j] = -g[j] / n;
                }
            }
            case LINF -> {
                for (int j = 0; j < g.length; j++) {
                    d[j] = -Math.signum(g[j]);
                }
            }
            case L1 -> {
                int best = 0;
                for (int j = 1; j < g.length; j++) {
                    if (Math.abs(g[j]) > Math.abs(g[best])) {
                        best = j;
                    }
                }
                if (g.length > 0) {
                    d[best] = -Math.signum(g[best]);
                }
            }
        }
        return d;
    }

    /**
     * w + η‖g‖_* d: one steepest-descent step (plain GD for ℓ2).
     *
     * @param w the weights
     * @param g the gradient at w
     * @param eta η
     * @param norm the geometry
     * @return the next weights
     */
    public static double[] step(double[] w, double[] g, double eta, Norm norm) {
        double[] d = direction(g, norm);
        double scale = eta * norm.dual().of(g);
        double[] out = w.clone();
        for (int j = 0; j < w.length; j++) {
            out[j] += scale * d[j];
        }
        return out;
    }
}
