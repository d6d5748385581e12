package org.occam.measure;

import java.util.List;
import org.occam.autodiff.Params;

/**
 * Some eigenpairs of a Hessian (or Gauss-Newton) operator and what they cost (METHODS §0.1;
 * docs/curvature.md for the convergence flags).
 *
 * @param eigenvalues   the eigenvalues in the order the producing method documents
 * @param eigenvectors  unit eigenvectors as parameter trees, aligned with the eigenvalues, or null
 * @param residualNorms ‖A v − λ v‖ per pair, or null when not computed
 * @param hvpCount      operator applications (HVPs) spent
 * @param converged     per pair, whether its residual met the solver's tolerance; null when the
 *                      solver ran a fixed number of steps without a tolerance
 */
public record Spectrum(double[] eigenvalues, List<Params> eigenvectors, double[] residualNorms, long hvpCount,
        boolean[] converged) {

    /** Copies the arrays and checks one flag per eigenvalue. */
    public Spectrum {
        eigenvalues = eigenvalues.clone();
        eigenvectors = eigenvectors == null ? null : List.copyOf(eigenvectors);
        residualNorms = residualNorms == null ? null : residualNorms.clone();
        converged = converged == null ? null : converged.clone();
        if (converged != null && converged.length != eigenvalues.length) {
            throw new IllegalArgumentException(converged.length + " convergence flags for " + eigenvalues.length
                    + " eigenvalues");
        }
    }

    /**
     * Eigenpairs without convergence flags (a fixed-step or exact method).
     *
     * @param eigenvalues the eigenvalues, in order
     * @param eigenvectors the eigenvectors, or null
     * @param residualNorms ‖A y − θ y‖ of each pair, or null
     * @param hvpCount operator applications spent
     */
    public Spectrum(double[] eigenvalues, List<Params> eigenvectors, double[] residualNorms, long hvpCount) {
        this(eigenvalues, eigenvectors, residualNorms, hvpCount, null);
    }

    /**
     * The i-th eigenvalue.
     *
     * @param i the index
     * @return the eigenvalue
     */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /**
     * Number of eigenpairs held.
     *
     * @return the count
     */
    public int size() {
        return eigenvalues.length;
    }

    /**
     * Whether every pair met the tolerance (false when no tolerance was applied).
     *
     * @return whether all converged
     */
    public boolean allConverged() {
        if (converged == null) {
            return false;
        }
        for (boolean c : converged) {
            if (!c) {
                return false;
            }
        }
        return true;
    }

    /**
     * The eigenvalues (a copy).
     *
     * @return the eigenvalues
     */
    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    /**
     * The residual norms (a copy), or null.
     *
     * @return the norms
     */
    @Override
    public double[] residualNorms() {
        return residualNorms == null ? null : residualNorms.clone();
    }

    /**
     * The convergence flags (a copy), or null without a tolerance.
     *
     * @return the flags
     */
    @Override
    public boolean[] converged() {
        return converged == null ? null : converged.clone();
    }
}
