package org.occam.games.gan;

import java.util.Objects;
import org.occam.games.DriftCoefficients;
import org.occam.games.DriftRegularizers;
import org.occam.games.UpdateScheme;
import org.occam.optim.Optimizer;
import org.occam.optim.Sgd;
import org.occam.tensor.DType;

/**
 * How to train a {@link Gan} (METHODS §3.5–3.7): an optimiser per player (plain SGD by default)
 * with rates η_D (φ, the discriminator) and η_G (θ, the generator), simultaneous or alternating
 * (discriminator first), explicit drift regularisers resolved against the drift coefficients of the
 * chosen convention, the minibatch estimator, or an RK4 ("ODE-GAN") step of size η instead of the
 * Euler step.
 *
 * <p>The drift coefficients of METHODS §3.2–3.3 are those of plain gradient descent. With another
 * optimiser (momentum, Adam) the regularisers still act on the gradient each player's optimiser is
 * fed, with the SGD coefficients of the nominal rates η_D, η_G: a convention, not the backward
 * error of that optimiser.
 *
 * @param scheme       simultaneous or alternating (ignored by RK4, which moves both players together)
 * @param lrD          η_D = η_φ, the discriminator's learning rate
 * @param lrG          η_G = η_θ, the generator's learning rate
 * @param batch        real rows and latents per (sub)step; even with the unbiased estimator
 * @param steps        training rounds (one round = one update of each player, or n_φ + n_θ when alternating)
 * @param regularizers the explicit regularisers (none for plain SGD)
 * @param convention   the drift coefficients the multipliers refer to (exact by default)
 * @param estimator    biased or unbiased dot-product estimator
 * @param rk4          whether to take RK4 steps of the joint field instead (needs η_D = η_G, no regularisers,
 *                     plain SGD for both players)
 * @param logEvery     log losses and per-player gradient norms every this many rounds (and at the end)
 * @param seed         seeds the initialisation, the data and the latents
 * @param dtype        the parameters' dtype
 * @param optimizerD   the discriminator's update rule (φ), fed its regularised gradient
 * @param optimizerG   the generator's update rule (θ), fed its regularised gradient
 * @param spectralNorm whether the discriminator's weights are spectrally normalised ({@link SpectralNorm}; off by default)
 */
public record GanConfig(UpdateScheme scheme, double lrD, double lrG, int batch, int steps, DriftRegularizers regularizers,
        DriftCoefficients.Convention convention, Estimator estimator, boolean rk4, int logEvery, long seed, DType dtype,
        Optimizer optimizerD, Optimizer optimizerG, boolean spectralNorm) {

    /** Plain gradient descent θ ← θ − η∇ (the optimiser the drift coefficients describe, and the default). */
    public static final Optimizer PLAIN_SGD = new Sgd();

    /** η_D / η_G of the reference SGD configs (η_D = 0.01, η_G = 0.005; METHODS §3.3, §3.7). */
    public static final double REFERENCE_RATE_RATIO = 2;

    /** Checks every field. */
    public GanConfig {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(regularizers, "regularizers");
        Objects.requireNonNull(convention, "convention");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(dtype, "dtype");
        Objects.requireNonNull(optimizerD, "optimizerD");
        Objects.requireNonNull(optimizerG, "optimizerG");
        if (!(lrD > 0) || !Double.isFinite(lrD) || !(lrG > 0) || !Double.isFinite(lrG)) {
            throw new IllegalArgumentException("learning rates lrD and lrG must be finite and > 0, got " + lrD + ", " + lrG);
        }
        if (batch < 1 || estimator == Estimator.UNBIASED && (batch < 2 || batch % 2 != 0)) {
            throw new IllegalArgumentException("batch must be >= 1, and even (>= 2) with the unbiased estimator, got " + batch);
        }
        if (steps < 0 || logEvery < 1) {
            throw new IllegalArgumentException("steps must be >= 0 and logEvery >= 1, got " + steps + ", " + logEvery);
        }
        if (rk4 && (lrD != lrG || !regularizers.equals(DriftRegularizers.none()))) {
            throw new IllegalArgumentException("rk4 (ODE-GAN) takes one step size for both players and no regularisers:"
                    + " got lrD = " + lrD + ", lrG = " + lrG + ", regularizers = " + regularizers);
        }
        if (optimizerD instanceof SpectralNormOptimizer || optimizerG instanceof SpectralNormOptimizer) {
            throw new IllegalArgumentException("optimizerD and optimizerG are the weights' update rules: set spectralNorm"
                    + " instead of passing a SpectralNormOptimizer");
        }
        if (rk4 && (!optimizerD.equals(PLAIN_SGD) || !optimizerG.equals(PLAIN_SGD))) {
            throw new IllegalArgumentException("rk4 (ODE-GAN) replaces the optimisers' updates by RK4 steps of the plain game"
                    + " field: optimizerD and optimizerG must be plain sgd, got " + optimizerD.describe() + ", "
                    + optimizerG.describe());
        }
    }

    /**
     * A config without spectral normalisation.
     *
     * @param scheme simultaneous or alternating
     * @param lrD η_D, the discriminator's rate
     * @param lrG η_G, the generator's rate
     * @param batch real rows and latents per step
     * @param steps the number of rounds
     * @param regularizers the explicit regularisers
     * @param convention exact or reference drift coefficients
     * @param estimator biased or unbiased
     * @param rk4 whether to take RK4 steps of the plain game field (ODE-GAN)
     * @param logEvery the logging period in rounds
     * @param seed the seed of the data, latents and initialization
     * @param dtype the parameters' dtype
     * @param optimizerD the discriminator's update rule
     * @param optimizerG the generator's update rule
     */
    public GanConfig(UpdateScheme scheme, double lrD, double lrG, int batch, int steps, DriftRegularizers regularizers,
            DriftCoefficients.Convention convention, Estimator estimator, boolean rk4, int logEvery, long seed, DType dtype,
            Optimizer optimizerD, Optimizer optimizerG) {
        this(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype, optimizerD,
                optimizerG, false);
    }

    /**
     * A config with plain SGD for both players.
     *
     * @param scheme simultaneous or alternating
     * @param lrD η_D, the discriminator's rate
     * @param lrG η_G, the generator's rate
     * @param batch real rows and latents per step
     * @param steps the number of rounds
     * @param regularizers the explicit regularisers
     * @param convention exact or reference drift coefficients
     * @param estimator biased or unbiased
     * @param rk4 whether to take RK4 steps of the plain game field (ODE-GAN)
     * @param logEvery the logging period in rounds
     * @param seed the seed of the data, latents and initialization
     * @param dtype the parameters' dtype
     */
    public GanConfig(UpdateScheme scheme, double lrD, double lrG, int batch, int steps, DriftRegularizers regularizers,
            DriftCoefficients.Convention convention, Estimator estimator, boolean rk4, int logEvery, long seed, DType dtype) {
        this(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype, PLAIN_SGD,
                PLAIN_SGD);
    }

    /**
     * Plain simultaneous SGD, biased estimator, exact coefficients, float32, logging every 100 rounds.
     *
     * @param lrD η_D
     * @param lrG η_G
     * @param batch rows per step
     * @param steps the number of rounds
     * @param seed the seed of the random draws
     * @return the config
     */
    public static GanConfig sgd(double lrD, double lrG, int batch, int steps, long seed) {
        return new GanConfig(UpdateScheme.simultaneous(), lrD, lrG, batch, steps, DriftRegularizers.none(),
                DriftCoefficients.Convention.EXACT, Estimator.BIASED, false, 100, seed, DType.FLOAT32);
    }

    /**
     * This config with another update scheme.
     *
     * @param s the scheme
     * @return the config
     */
    public GanConfig withScheme(UpdateScheme s) {
        return new GanConfig(s, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config with other regularisers.
     *
     * @param r the regularisers
     * @return the config
     */
    public GanConfig withRegularizers(DriftRegularizers r) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, r, convention, estimator, rk4, logEvery, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config with another estimator.
     *
     * @param e the estimator
     * @return the config
     */
    public GanConfig withEstimator(Estimator e) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, e, rk4, logEvery, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config taking RK4 steps (or Euler steps when false).
     *
     * @param on whether to take RK4 steps
     * @return the config
     */
    public GanConfig withRk4(boolean on) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, on, logEvery, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config with another seed.
     *
     * @param s the seed
     * @return the config
     */
    public GanConfig withSeed(long s) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, s, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config with another number of rounds and logging interval.
     *
     * @param n the number of rounds
     * @param every the logging period
     * @return the config
     */
    public GanConfig withSteps(int n, int every) {
        return new GanConfig(scheme, lrD, lrG, batch, n, regularizers, convention, estimator, rk4, every, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config with spectral normalisation of the discriminator on or off.
     *
     * @param on whether to normalise
     * @return the config
     */
    public GanConfig withSpectralNorm(boolean on) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype,
                optimizerD, optimizerG, on);
    }

    /**
     * This config with the reference code's rates: η_G as given and η_D = {@value #REFERENCE_RATE_RATIO}·η_G.
     *
     * @param lrG η_G
     * @return the config
     */
    public GanConfig withReferenceRates(double lrG) {
        return withRates(REFERENCE_RATE_RATIO * lrG, lrG);
    }

    /**
     * This config with other optimisers for the discriminator (φ) and the generator (θ).
     *
     * @param d the discriminator's update rule
     * @param g the generator's update rule
     * @return the config
     */
    public GanConfig withOptimizers(Optimizer d, Optimizer g) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype,
                d, g, spectralNorm);
    }

    /**
     * This config with other learning rates η_D, η_G.
     *
     * @param d η_D
     * @param g η_G
     * @return the config
     */
    public GanConfig withRates(double d, double g) {
        return new GanConfig(scheme, d, g, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, dtype,
                optimizerD, optimizerG, spectralNorm);
    }

    /**
     * This config in another dtype.
     *
     * @param d the dtype
     * @return the config
     */
    public GanConfig withDtype(DType d) {
        return new GanConfig(scheme, lrD, lrG, batch, steps, regularizers, convention, estimator, rk4, logEvery, seed, d,
                optimizerD, optimizerG, spectralNorm);
    }
}
