package org.occam.measure;

import java.util.Locale;

/**
 * The two ends of a spectrum from a converged Lanczos run (docs/curvature.md): each pair with its
 * explicit residual ‖A y − θ y‖ and whether that residual met the tolerance.
 *
 * @param top       the largest eigenpairs, largest first
 * @param bottom    the smallest eigenpairs, most negative first
 * @param tolerance the stopping rule (relative residual and step cap)
 * @param steps     Lanczos steps taken
 * @param capped    whether the step cap (or the dimension) ended the run rather than convergence
 * @param hvpCount  operator applications: one per step and one per explicit residual
 */
public record Eigenpairs(Spectrum top, Spectrum bottom, Tolerance tolerance, int steps, boolean capped, long hvpCount) {

    /**
     * Whether every requested pair met the tolerance.
     *
     * @return whether all converged
     */
    public boolean converged() {
        return unconverged() == 0;
    }

    /**
     * How many requested pairs did not meet the tolerance.
     *
     * @return the count
     */
    public int unconverged() {
        return count(top) + count(bottom);
    }

    /**
     * The largest relative residual ‖A y − θ y‖/|θ| over the requested pairs.
     *
     * @return the worst relative residual
     */
    public double worstRelativeResidual() {
        return Math.max(worst(top), worst(bottom));
    }

    /**
     * A one-line warning when some pair did not converge, empty otherwise: how many, the tolerance,
     * the steps spent and the worst relative residual (the bound |λ − θ| ≤ ‖A y − θ y‖ still holds).
     *
     * @return the warning, or ""
     */
    public String warning() {
        if (converged()) {
            return "";
        }
        return String.format(Locale.ROOT, "%d of %d eigenvalues did not reach the relative residual %.1e within %d"
                + " Lanczos steps%s (worst %.2e); each is still within its residual of a true eigenvalue",
                unconverged(), top.size() + bottom.size(), tolerance.relative(), steps,
                capped ? " (the cap)" : "", worstRelativeResidual());
    }

    private static int count(Spectrum s) {
        int n = 0;
        for (boolean c : s.converged()) {
            n += c ? 0 : 1;
        }
        return n;
    }

    private static double worst(Spectrum s) {
        double w = 0;
        for (int i = 0; i < s.size(); i++) {
            w = Math.max(w, s.residualNorms()[i] / Math.abs(s.eigenvalue(i)));
        }
        return w;
    }
}
