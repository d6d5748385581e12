package org.occam.measure;

import java.util.Locale;

/**
 * A stochastic-Lanczos-quadrature density drawn under stopping rules (docs/curvature.md).
 *
 * @param density     the quadrature nodes and weights of every probe
 * @param steps       the per-probe rule: extreme Ritz values to relative residual tol, at most cap steps
 * @param trace       tr H = m·E[Σ τ² θ] from the same probes, with its standard error and whether
 *                    its relative target was met before the probe cap
 * @param unconvergedProbes probes whose extreme Ritz values had not met the residual tolerance at the step cap
 */
public record DensityRun(SpectralDensity density, Tolerance steps, SequentialEstimate trace, int unconvergedProbes) {

    /**
     * Whether every probe's extremes and the probe count both met their tolerances.
     *
     * @return whether both converged
     */
    public boolean converged() {
        return unconvergedProbes == 0 && trace.converged();
    }

    /**
     * A one-line warning naming what the caps cut short, empty when all converged.
     *
     * @return the warning, or ""
     */
    public String warning() {
        StringBuilder w = new StringBuilder();
        if (unconvergedProbes > 0) {
            w.append(String.format(Locale.ROOT, "%d of %d probes stopped at the %d-step cap before their extreme Ritz"
                    + " values reached the relative residual %.1e", unconvergedProbes, density.probes(), steps.cap(),
                    steps.relative()));
        }
        if (!trace.converged()) {
            w.append(w.isEmpty() ? "" : "; ").append(trace.warning());
        }
        return w.toString();
    }
}
