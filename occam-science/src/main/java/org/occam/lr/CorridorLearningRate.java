package org.occam.lr;

import java.util.Locale;
import org.occam.optim.LearningRateRule;

/**
 * CLR, the corridor learning rate of Dherin and Rosca (2024; METHODS §5):
 * <pre>  h = E / (‖g‖² + δ),  capped at h_max,</pre>
 * the step that would reach zero loss if the current point were in a corridor (a region where
 * Hg = 0, so the loss falls linearly along the gradient at E − h‖g‖²). It is the Polyak step
 * (E − E*)/‖g‖² with E* = 0; {@link #polyak} keeps a general E*. The stochastic version simply
 * uses the step's (mini-batch) loss and gradient, which is what the trainer passes.
 *
 * <p>Safeguards (METHODS §5 and §10, pitfall 9): the rate explodes as ‖g‖ → 0 with E &gt; E*, so
 * it is capped at h_max and δ is added to the denominator; E below E* gives h = 0. CLR needs an
 * interpolating problem (E ≥ 0 with E* ≈ 0): weight decay or label smoothing make E* &gt; 0 and
 * CLR overshoots.
 */
public final class CorridorLearningRate implements LearningRateRule {

    /** The default δ added to ‖g‖². */
    public static final double DEFAULT_DELTA = 1e-12;

    /**
     * What the rule saw and chose at one step.
     *
     * @param step             the 0-based step
     * @param learningRate     the rate returned
     * @param loss             the step's loss E
     * @param gradNormSquared  ‖g‖²
     * @param capped           whether the cap h_max was active
     */
    public record Observation(long step, double learningRate, double loss, double gradNormSquared, boolean capped) {
    }

    private final double minLoss;
    private final double maxLr;
    private final double delta;
    private Observation last;

    private CorridorLearningRate(double minLoss, double maxLr, double delta) {
        if (!Double.isFinite(minLoss)) {
            throw new IllegalArgumentException("Polyak's E* must be finite, got " + minLoss);
        }
        if (!(maxLr > 0)) {
            throw new IllegalArgumentException("CLR cap h_max must be positive, got " + maxLr
                    + " (use Double.POSITIVE_INFINITY for no cap)");
        }
        if (!(delta >= 0) || !Double.isFinite(delta)) {
            throw new IllegalArgumentException("CLR delta must be finite and >= 0, got " + delta);
        }
        this.minLoss = minLoss;
        this.maxLr = maxLr;
        this.delta = delta;
    }

    /**
     * CLR: E/(‖g‖² + δ) capped at {@code maxLr} (infinity: no cap).
     *
     * @param maxLr the cap h_max
     * @param delta δ, keeping the rate finite where g = 0
     * @return the rule
     */
    public static CorridorLearningRate corridorLearningRate(double maxLr, double delta) {
        return new CorridorLearningRate(0, maxLr, delta);
    }

    /**
     * The Polyak step (E − E*)/(‖g‖² + δ), capped; E* = 0 is CLR.
     *
     * @param minLoss E*, the loss the step aims at
     * @param maxLr the cap h_max
     * @param delta δ
     * @return the rule
     */
    public static CorridorLearningRate polyak(double minLoss, double maxLr, double delta) {
        return new CorridorLearningRate(minLoss, maxLr, delta);
    }

    /**
     * The rate for loss E and squared gradient norm: clip((E − E*)/(‖g‖² + δ), 0, h_max).
     *
     * @param loss E
     * @param gradNormSquared ‖g‖²
     * @param minLoss E*
     * @param maxLr h_max
     * @param delta δ
     * @return the rate
     */
    public static double rate(double loss, double gradNormSquared, double minLoss, double maxLr, double delta) {
        double gap = loss - minLoss;
        if (Double.isNaN(gap) || Double.isNaN(gradNormSquared)) {
            return Double.NaN;
        }
        if (gap <= 0) {
            return 0;
        }
        double denom = gradNormSquared + delta;
        return denom == 0 ? maxLr : Math.min(maxLr, gap / denom);
    }

    /**
     * The last step's observation, or null before the first step.
     *
     * @return the observation, or null
     */
    public Observation last() {
        return last;
    }

    /**
     * The cap h_max.
     *
     * @return h_max
     */
    public double maxLr() {
        return maxLr;
    }

    @Override
    public double learningRate(Context ctx) {
        double e = ctx.loss().item();
        double g2 = ctx.grad().normSquared().item();
        double h = rate(e, g2, minLoss, maxLr, delta);
        last = new Observation(ctx.step(), h, e, g2, h == maxLr);
        return h;
    }

    /**
     * e.g. "clr(h_max=10.0, delta=1.0E-12)" or "polyak(E*=0.1, h_max=10.0, delta=1.0E-12)".
     *
     * @return the description
     */
    public String describe() {
        return minLoss == 0 ? String.format(Locale.ROOT, "clr(h_max=%s, delta=%s)", maxLr, delta)
                : String.format(Locale.ROOT, "polyak(E*=%s, h_max=%s, delta=%s)", minLoss, maxLr, delta);
    }
}
