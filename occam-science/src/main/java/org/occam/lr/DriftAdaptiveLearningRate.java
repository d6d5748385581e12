package org.occam.lr;

import java.util.Locale;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.optim.LearningRateRule;
import org.occam.optim.Schedule;
import org.occam.tensor.Tensor;

/**
 * DAL-p, the drift-adjusted learning rate of Rosca, Wu, Qin and Dherin (TMLR 2023; METHODS §4.2):
 * with the drift proxy v_t = ‖H g‖/‖g‖ at the current parameters,
 * <pre>  h_t = clip(2 / v_t^p, 0, h_max)</pre>
 * for steps strictly inside the window (start, stop), and the base rate outside it. As in the
 * reference code, p = 0 means no scaling (plain GD at the base rate) and h_max is in absolute
 * learning-rate units (default 5); the base rate otherwise cancels out. p = 1 puts GD at the
 * stability edge along the gradient direction (h = 2/v ≥ 2/λ_max, since v ≤ λ_max).
 *
 * <p>Hg comes from a {@link HessianGradient} (exact HVP, or the reference one-sided difference
 * with step length 0.01) on the loss a {@link StepLoss} supplies for the step; the rule reuses the
 * trainer's gradient when the step loss is the function the trainer differentiated, and otherwise
 * computes g itself. Cost per step: one HVP (about two gradients) or one extra gradient.
 *
 * <p><b>Normalised v</b> ({@link Settings#withNormalized}, METHODS §11 DAL-1): 2/v^p is not scale-free
 * (multiplying the loss by c multiplies v by c, so for p ≠ 1 the rate, and whether larger p takes
 * smaller steps, depend on the loss's units; where v &lt; 1 a larger p takes <i>larger</i> steps). The
 * normalised rule divides v_t by v_0, its value at the first scaled step, and anchors the rate at
 * the base rate: h_t = clip(h_base / (v_t/v_0)^p, 0, h_max). Then h_0 = h_base for every p, larger
 * p takes smaller steps exactly where the drift grew (v_t &gt; v_0), and h_t does not change when the
 * loss is multiplied by a constant (ṽ = v_t/v_0 is dimensionless). p = 1 keeps h_t·v_t = h_base·v_0.
 *
 * <p>The rule keeps its last {@link Observation} (h_t, v_t) so that a monitor can put
 * {@code dal_lr} and {@code drift_ratio} in the metrics row ({@link DriftAdaptiveMetrics}). It is
 * therefore stateful and meant for one run at a time.
 */
public final class DriftAdaptiveLearningRate implements LearningRateRule {

    /** The reference default cap h_max ({@code max_lr_scale}): 5. */
    public static final double DEFAULT_MAX_LR = 5;

    /** The relative tolerance of the first-step check that a reused gradient belongs to the step loss. */
    static final double LOSS_MATCH_TOLERANCE = 1e-4;

    /**
     * The rule's knobs.
     *
     * @param power          p ≥ 0; 0 means no scaling
     * @param maxLr          the cap h_max &gt; 0
     * @param start          scaling applies for steps &gt; start (−1: from step 0)
     * @param stop           and for steps &lt; stop ({@link Long#MAX_VALUE}: never stops)
     * @param measureOutside measure v_t also where the base rate is used (p = 0 or outside the
     *                       window), as the reference logs ‖Hg‖ every step
     * @param normalized     use v_t/v_0 and the base rate: h_t = clip(h_base/(v_t/v_0)^p, 0, h_max)
     *                       (scale-free); false: the reference's clip(2/v_t^p, 0, h_max)
     */
    public record Settings(double power, double maxLr, long start, long stop, boolean measureOutside,
                           boolean normalized) {
        /** Checks p ≥ 0, h_max &gt; 0 and a window that holds a step. */
        public Settings {
            if (!(power >= 0) || !Double.isFinite(power)) {
                throw new IllegalArgumentException("DAL power p must be a finite number >= 0, got " + power);
            }
            if (!(maxLr > 0)) {
                throw new IllegalArgumentException("DAL cap h_max must be positive, got " + maxLr);
            }
            if (stop <= start + 1) {
                throw new IllegalArgumentException("DAL window (start, stop) = (" + start + ", " + stop + ") holds no step");
            }
        }

        /**
         * DAL-p with the reference defaults: cap 5, scaling at every step, v measured every step.
         *
         * @param power p
         * @return the settings
         */
        public static Settings of(double power) {
            return new Settings(power, DEFAULT_MAX_LR, -1, Long.MAX_VALUE, true, false);
        }

        /**
         * The same settings with another cap.
         *
         * @param cap h_max
         * @return the settings
         */
        public Settings withMaxLr(double cap) {
            return new Settings(power, cap, start, stop, measureOutside, normalized);
        }

        /**
         * Scaling only for start &lt; step &lt; stop (the reference's strict inequalities).
         *
         * @param from the last step before scaling
         * @param until the first step after it
         * @return the settings
         */
        public Settings withWindow(long from, long until) {
            return new Settings(power, maxLr, from, until, measureOutside, normalized);
        }

        /**
         * The same settings, measuring v_t also outside the window (or not).
         *
         * @param on whether to measure there
         * @return the settings
         */
        public Settings withMeasureOutside(boolean on) {
            return new Settings(power, maxLr, start, stop, on, normalized);
        }

        /**
         * Normalised v (scale-free): h_t = clip(h_base/(v_t/v_0)^p, 0, h_max), v_0 at the first scaled step.
         *
         * @param on whether to normalise
         * @return the settings
         */
        public Settings withNormalized(boolean on) {
            return new Settings(power, maxLr, start, stop, measureOutside, on);
        }

        /**
         * Whether the scaled rate applies at this step.
         *
         * @param step the 0-based step
         * @return whether DAL sets the rate there
         */
        public boolean scales(long step) {
            return power != 0 && step > start && step < stop;
        }
    }

    /**
     * What the rule saw and chose at one step.
     *
     * @param step         the 0-based step
     * @param learningRate the rate returned, h_t
     * @param driftRatio   v_t = ‖Hg‖/‖g‖ (NaN when not measured)
     * @param gradNorm     ‖g‖ (NaN when not measured)
     * @param scaled       whether h_t is the DAL rate (inside the window, p ≠ 0) or the base rate
     * @param capped       whether the cap h_max was active
     */
    public record Observation(long step, double learningRate, double driftRatio, double gradNorm, boolean scaled,
                              boolean capped) {
    }

    private final LearningRateRule base;
    private final Settings settings;
    private final StepLoss loss;
    private final HessianGradient hessianGradient;
    private Observation last;
    private boolean checkedLoss;
    private double initialDrift = Double.NaN;

    private DriftAdaptiveLearningRate(LearningRateRule base, Settings settings, StepLoss loss, HessianGradient hg) {
        if (base == null || settings == null || loss == null || hg == null) {
            throw new IllegalArgumentException("DAL needs a base rule, settings, a step loss and a Hessian-gradient method");
        }
        this.base = base;
        this.settings = settings;
        this.loss = loss;
        this.hessianGradient = hg;
    }

    /**
     * DAL-p with the base rule used outside the window (and everywhere when p = 0).
     *
     * @param base the rule outside the window
     * @param settings p, the cap and the window
     * @param loss the loss v_t is measured on
     * @param hg how Hg is computed
     * @return the rule
     */
    public static DriftAdaptiveLearningRate driftAdaptiveLearningRate(LearningRateRule base, Settings settings, StepLoss loss,
                                                                      HessianGradient hg) {
        return new DriftAdaptiveLearningRate(base, settings, loss, hg);
    }

    /**
     * DAL-p with a constant base rate and the reference defaults (cap 5, no window).
     *
     * @param baseLr the constant rate where p = 0
     * @param power p
     * @param loss the loss v_t is measured on
     * @param hg how Hg is computed
     * @return the rule
     */
    public static DriftAdaptiveLearningRate driftAdaptiveLearningRate(double baseLr, double power, StepLoss loss,
                                                                      HessianGradient hg) {
        return new DriftAdaptiveLearningRate(LearningRateRule.of(Schedule.constant(baseLr)), Settings.of(power), loss, hg);
    }

    /**
     * The DAL rate for drift ratio v: clip(2/v^p, 0, h_max); v = 0 gives h_max, NaN stays NaN.
     *
     * @param driftRatio v = ‖Hg‖/‖g‖
     * @param power p
     * @param maxLr h_max
     * @return the rate
     */
    public static double rate(double driftRatio, double power, double maxLr) {
        return clip(2 / Math.pow(driftRatio, power), maxLr);
    }

    /**
     * The normalised DAL rate: clip(h_base / (v/v_0)^p, 0, h_max); v = 0 gives h_max. Unchanged when v
     * and v_0 are multiplied by the same constant (the loss scaled).
     *
     * @param driftRatio v
     * @param initialDriftRatio v_0
     * @param power p
     * @param baseRate h_base
     * @param maxLr h_max
     * @return the rate
     */
    public static double normalizedRate(double driftRatio, double initialDriftRatio, double power, double baseRate,
                                        double maxLr) {
        return clip(baseRate / Math.pow(driftRatio / initialDriftRatio, power), maxLr);
    }

    private static double clip(double h, double maxLr) {
        return Double.isNaN(h) ? Double.NaN : Math.min(maxLr, Math.max(0, h));
    }

    /**
     * v_0 of the normalised rule (NaN before its first scaled step, or when not normalised).
     *
     * @return v_0, or NaN
     */
    public double initialDriftRatio() {
        return initialDrift;
    }

    /**
     * The rule's settings.
     *
     * @return the settings
     */
    public Settings settings() {
        return settings;
    }

    /**
     * The last step's observation, or null before the first step.
     *
     * @return the observation, or null
     */
    public Observation last() {
        return last;
    }

    @Override
    public double learningRate(Context ctx) {
        long step = ctx.step();
        double baseRate = base.learningRate(ctx);
        boolean scaled = settings.scales(step);
        if (!scaled && !settings.measureOutside()) {
            last = new Observation(step, baseRate, Double.NaN, Double.NaN, false, false);
            return baseRate;
        }
        Function<Params, Tensor> f = loss.at(step);
        Params g;
        if (loss.trainerGradient()) {
            checkSameLoss(f, ctx);
            g = ctx.grad();
        } else {
            g = Autodiff.grad(f).apply(ctx.params());
        }
        double gradNorm = Math.sqrt(g.normSquared().item());
        double v = gradNorm == 0 ? 0
                : Math.sqrt(hessianGradient.apply(f, ctx.params(), g).normSquared().item()) / gradNorm;
        double h = scaled ? scaledRate(v, baseRate, step) : baseRate;
        boolean capped = scaled && h == settings.maxLr();
        last = new Observation(step, h, v, gradNorm, scaled, capped);
        return h;
    }

    private double scaledRate(double v, double baseRate, long step) {
        if (!settings.normalized()) {
            return rate(v, settings.power(), settings.maxLr());
        }
        if (Double.isNaN(initialDrift)) {
            if (!(v > 0) || !Double.isFinite(v)) {
                throw new IllegalStateException(String.format(Locale.ROOT, "DAL normalized: v = ‖Hg‖/‖g‖ at the first"
                        + " scaled step (%d) is %s, so v_t/v_0 is undefined; start away from a critical point or use"
                        + " normalized: false", step, v));
            }
            initialDrift = v;
        }
        return normalizedRate(v, initialDrift, settings.power(), baseRate, settings.maxLr());
    }

    /** Once: a reused trainer gradient must belong to the step loss (catches full_batch with mini-batches). */
    private void checkSameLoss(Function<Params, Tensor> f, Context ctx) {
        if (checkedLoss || ctx.loss() == null) {
            return;
        }
        double mine = f.apply(ctx.params()).item();
        double theirs = ctx.loss().item();
        if (Math.abs(mine - theirs) > LOSS_MATCH_TOLERANCE * Math.max(1e-3, Math.abs(theirs))) {
            throw new IllegalStateException(String.format(Locale.ROOT, "DAL: the step's loss %.8g differs from the loss the"
                    + " rule measures (%s: %.8g), so the trainer's gradient cannot be reused; train full-batch, or measure"
                    + " the drift on a fixed batch with its own gradient", theirs, loss.description(), mine));
        }
        checkedLoss = true;
    }

    /**
     * e.g. "dal(p=1.0, h_max=5.0, exact, window=(-1, inf))", with ", v/v_0" when normalised.
     *
     * @return the description
     */
    public String describe() {
        return String.format(Locale.ROOT, "dal(p=%s, h_max=%s, %s%s, window=(%d, %s))", settings.power(),
                settings.maxLr(), hessianGradient.describe(), settings.normalized() ? ", v/v_0" : "", settings.start(),
                settings.stop() == Long.MAX_VALUE ? "inf" : Long.toString(settings.stop()));
    }
}
