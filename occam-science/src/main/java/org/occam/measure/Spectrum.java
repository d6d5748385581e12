package org.occam.measure;

import java.util.List;
import org.occam.autodiff.Params;

/**
 * Some eigenpairs of a Hessian (or Gauss-Newton) operator and what they cost (METHODS §0.1).
 *
 * @param eigenvalues   the eigenvalues in the order the producing method documents
 * @param eigenvectors  unit eigenvectors as parameter trees, aligned with the eigenvalues, or null
 * @param residualNorms ‖A v − λ v‖ per pair, or null when not computed
 * @param hvpCount      operator applications (HVPs) spent
 */
public record Spectrum(double[] eigenvalues, List<Params> eigenvectors, double[] residualNorms, long hvpCount) {

    public Spectrum {
        eigenvalues = eigenvalues.clone();
        eigenvectors = eigenvectors == null ? null : List.copyOf(eigenvectors);
        residualNorms = residualNorms == null ? null : residualNorms.clone();
    }

    /** The i-th eigenvalue. */
    public double eigenvalue(int i) {
        return eigenvalues[i];
    }

    /** Number of eigenpairs held. */
    public int size() {
        return eigenvalues.length;
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public double[] residualNorms() {
        return residualNorms == null ? null : residualNorms.clone();
    }
}
