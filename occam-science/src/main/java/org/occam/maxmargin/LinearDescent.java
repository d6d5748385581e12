package org.occam.maxmargin;

import java.util.ArrayList;
import java.util.List;

/**
 * Steepest descent on L(w) = (1/n) Σ ℓ(y_i wᵀx_i) for a linear classifier from w₀ = 0
 * (docs/max-margin.md): w ← w + η_t‖∇L‖_* d_t with d_t the unit steepest direction in the chosen
 * norm (ℓ2: GD, Soudry et al. 2018; ℓ∞: sign descent scaled by ‖∇L‖₁, Gunasekar et al. 2018). The
 * step is fixed (η_t = η) or loss-scaled (η_t = η/L(w_t), Gunasekar et al.'s admissible steps for
 * the exponential loss). Iterates are recorded at t = 1, 2, 4, … and at the last step. Plain double
 * arrays: a d-dimensional linear model needs no autodiff, and 10⁶ steps take about a second.
 */
public final class LinearDescent {
    private LinearDescent() {
    }

    /** How η_t is chosen. */
    public enum StepRule {
        /** η_t = η: descent on L. */
        FIXED,
        /** η_t = η/L(w_t): descent on log L, exact after L underflows (exponential loss only). */
        LOSS_SCALED
    }

    /**
     * The run's settings.
     *
     * @param loss     the margin loss
     * @param geometry the norm of steepest descent (L2 = GD)
     * @param eta      η
     * @param rule     fixed or loss-scaled steps
     * @param steps    number of steps
     */
    public record Settings(LinearLoss loss, Norm geometry, double eta, StepRule rule, long steps) {
        /** Checks that η is finite and positive, and that loss-scaled steps use the exponential loss. */
        public Settings {
            if (!(eta > 0) || Double.isInfinite(eta)) {
                throw new IllegalArgumentException("eta must be a finite positive number, got " + eta);
            }
            if (rule == StepRule.LOSS_SCALED && loss != LinearLoss.EXPONENTIAL) {
                throw new IllegalArgumentException("loss-scaled steps need the exponential loss, got " + loss);
            }
            if (steps < 1) {
                throw new IllegalArgumentException("steps must be >= 1, got " + steps);
            }
        }
    }

    /**
     * The iterates w_t at the recorded steps t (powers of two and the last step).
     *
     * @param steps the recorded steps t
     * @param iterates w_t at those steps
     */
    public record Trace(long[] steps, List<double[]> iterates) {
        /**
         * The last recorded iterate.
         *
         * @return w at the last recorded step
         */
        public double[] last() {
            return iterates.get(iterates.size() - 1).clone();
        }
    }

    /**
     * Runs the descent from w₀ = 0.
     *
     * @param data the separable data
     * @param s the loss, geometry, step size and rule, and steps
     * @return the recorded iterates
     */
    public static Trace run(Separable data, Settings s) {
        double[] w = new double[data.dim()];
        List<Long> at = new ArrayList<>();
        List<double[]> ws = new ArrayList<>();
        long next = 1;
        for (long t = 1; t <= s.steps(); t++) {
            double[] g = s.rule() == StepRule.FIXED ? s.loss().gradient(data, w) : s.loss().gradientOverLoss(data, w);
            w = SteepestDescent.step(w, g, s.eta(), s.geometry());
            if (t == next || t == s.steps()) {
                at.add(t);
                ws.add(w.clone());
                if (t == next) {
                    next *= 2;
                }
            }
        }
        long[] steps = at.stream().mapToLong(Long::longValue).toArray();
        return new Trace(steps, List.copyOf(ws));
    }

    /**
     * B² = max_i ‖x_i‖_*² in the dual of the geometry's norm. It bounds the smoothness of L in that
     * geometry by B²·max ℓ'' (logistic: B²/4) and by B²·L(w) for the exponential loss, so η = 1/B²
     * (fixed, logistic) and η_t = 1/(B² L(w_t)) (loss-scaled, exponential) are admissible steps.
     *
     * @param data the separable data
     * @param geometry the norm of the descent
     * @return B²
     */
    public static double dualRadiusSquared(Separable data, Norm geometry) {
        double b = 0;
        for (int i = 0; i < data.size(); i++) {
            b = Math.max(b, geometry.dual().of(data.row(i)));
        }
        return b * b;
    }
}
