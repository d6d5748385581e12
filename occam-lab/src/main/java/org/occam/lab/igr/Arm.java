package org.occam.lab.igr;

import org.occam.lab.report.Rates;

/**
 * One training configuration of the IGR-2 / GC-2 check: GD at learning rate h on E + μ‖∇E‖²
 * (μ = 0: plain GD), full batch ({@code batch} = 0) or SGD on mini-batches of {@code batch} images
 * (then μ = 0), in one regime.
 *
 * @param h      learning rate
 * @param mu     explicit gradient regularization strength (0 for plain GD or SGD)
 * @param batch  0 for full-batch GD, else the SGD mini-batch size
 * @param regime below the edge of stability (evidence for first-order IGR) or at it (reported apart)
 */
public record Arm(double h, double mu, int batch, Regime regime) {

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
        if (batch < 0) {
            throw new IllegalArgumentException("batch size must be 0 (full batch) or positive, got " + batch);
        }
        if (batch > 0 && mu > 0) {
            throw new IllegalArgumentException("EGR (mu = " + mu + ") is run in full batch only; set batch 0 or mu 0");
        }
    }

    /**
     * A full-batch arm.
     *
     * @param h      learning rate
     * @param mu     explicit gradient regularization strength (0 for plain GD)
     * @param regime below or at the edge of stability
     */
    public Arm(double h, double mu, Regime regime) {
        this(h, mu, 0, regime);
    }

    /**
     * An SGD arm on mini-batches of {@code batch} images, below the edge of stability.
     *
     * @param h     learning rate
     * @param batch mini-batch size, at least 1
     * @return the arm
     */
    public static Arm sgd(double h, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("SGD batch size must be positive, got " + batch);
        }
        return new Arm(h, 0, batch, Regime.BELOW_EOS);
    }

    /**
     * Whether this arm trains on mini-batches (SGD) rather than the full batch.
     *
     * @return true for SGD
     */
    public boolean stochastic() {
        return batch > 0;
    }

    /**
     * A short label, e.g. "GD h = 0.02", "GD h = 0.02 + EGR μ = 0.005" or "SGD B=50 h = 0.02" ({@link Rates}).
     *
     * @return the label
     */
    public String label() {
        if (batch > 0) {
            return "SGD B=" + batch + " " + Rates.h(h);
        }
        String gd = "GD " + Rates.h(h);
        return mu == 0 ? gd : gd + " + EGR " + Rates.mu(mu);
    }
}
