package org.occam.lab.igr;

import org.occam.lab.report.Rates;

/**
 * One training configuration of the IGR-2 / GC-2 check: full-batch GD at learning rate h on
 * E + μ‖∇E‖² (μ = 0: plain GD), in one regime.
 *
 * @param h      learning rate
 * @param mu     explicit gradient regularization strength (0 for plain GD)
 * @param regime below the edge of stability (evidence for first-order IGR) or at it (reported apart)
 */
public record Arm(double h, double mu, Regime regime) {

    /** Which regime an arm belongs to. */
    public enum Regime {
        /** hλ_max ≲ 0.5 along the run: the first-order modified loss describes GD. */
        BELOW_EOS,
        /** hλ_max ≈ 2: edge of stability, a different mechanism (not evidence for first-order IGR). */
        EDGE_OF_STABILITY
    }

    /** Refuses settings out of range, with one line naming the field. */
    public Arm {
        if (!(h > 0) || !Double.isFinite(h)) {
            throw new IllegalArgumentException("learning rate h must be positive and finite, got " + h);
        }
        if (!(mu >= 0) || !Double.isFinite(mu)) {
            throw new IllegalArgumentException("EGR strength mu must be >= 0 and finite, got " + mu);
        }
    }

    /**
     * A short label, e.g. "GD h = 0.02" or "GD h = 0.02 + EGR μ = 0.005" ({@link Rates}).
     *
     * @return the label
     */
    public String label() {
        String gd = "GD " + Rates.h(h);
        return mu == 0 ? gd : gd + " + EGR " + Rates.mu(mu);
    }
}
