package org.occam.games.gan;

import java.util.Objects;
import java.util.function.Supplier;
import org.occam.autodiff.Params;
import org.occam.games.GameBatch;
import org.occam.games.GameIterate;
import org.occam.games.GameState;
import org.occam.games.GameStep;
import org.occam.games.OdeGanStep;
import org.occam.games.Player;
import org.occam.games.PlayerOptimizer;
import org.occam.optim.Optimizer;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * GAN training one round at a time (METHODS §3.5–3.7), state in, state out, so that a run can be
 * checkpointed after any round and resumed to the same bits: {@link #start()} gives the initial
 * iterate and {@link #round} maps the iterate before round t to the one after it. Nothing here
 * depends on how many rounds came before: with {@link #draws(long)} the minibatches and latents of
 * round t depend only on (seed, t),
 * <pre>
 *   sub-step k of round t:  real rows from Rng.seed(seed).split(1).split(t).split(k).split(0),
 *                           latents   from Rng.seed(seed).split(1).split(t).split(k).split(1),
 * </pre>
 * (sub-steps: one per round when simultaneous or RK4, n_φ + n_θ when alternating). The initial
 * parameters come from {@code Rng.seed(seed).split(0)} and the evaluation latents of
 * {@link #samples} from {@code Rng.seed(seed).split(2)}, the same at every evaluation.
 *
 * <p>With {@link GanConfig#spectralNorm()} the discriminator is spectrally normalised
 * ({@link SpectralNorm}): its stored power-iteration vectors are part of φ (so checkpoints of the
 * iterate carry them), drawn at the start from {@code Rng.seed(seed).split(0).split(3)}, and
 * advanced once per discriminator update at the weights before it ({@link SpectralNormOptimizer};
 * once per RK4 round, at the round's start).
 *
 * @param gan    the generator and discriminator; the session's copy normalises the discriminator
 *               spectrally exactly when the config says so (the config decides)
 * @param data   the real data
 * @param config optimisers, rates, scheme, regularisers, estimator, integrator, spectral norm, batch,
 *               seed and dtype (its {@code steps} and {@code logEvery} are the caller's business)
 */
public record GanSession(Gan gan, DataSampler data, GanConfig config) {
    /** Refuses a missing part and applies the config's spectral normalisation to the GAN. */
    public GanSession {
        Objects.requireNonNull(gan, "gan");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(config, "config");
        gan = gan.withSpectralNorm(config.spectralNorm());
    }

    /**
     * The outcome of one round.
     *
     * @param next   the iterate after the round (possibly non-finite, see {@link #finite})
     * @param log    losses and plain-gradient norms at the iterate before the round, on the round's
     *               first minibatch, or null when not asked for
     * @param finite whether every parameter of {@code next} is finite; false means the run diverged
     */
    public record Round(GameIterate next, GanLog log, boolean finite) {
    }

    /**
     * The initial iterate: (φ, θ) = (discriminator, generator) from {@code Rng.seed(seed).split(0)}, empty optimiser states.
     *
     * @return the iterate
     */
    public GameIterate start() {
        return GameIterate.start(gan.init(Rng.seed(config.seed()).split(0), config.dtype()));
    }

    /**
     * The (simultaneous or alternating) step of the config (METHODS §3.6): each player's optimiser
     * with its rate, drift coefficients from the nominal rates (the SGD ones, whatever the optimiser);
     * with spectral normalisation the discriminator's optimiser also advances its stored vectors.
     *
     * @return the step
     */
    public GameStep step() {
        Optimizer d = config.spectralNorm() ? new SpectralNormOptimizer(config.optimizerD()) : config.optimizerD();
        return GameStep.of(config.scheme(), new PlayerOptimizer(d, config.lrD()),
                new PlayerOptimizer(config.optimizerG(), config.lrG()), config.regularizers(), config.convention());
    }

    /**
     * The minibatches of round t, sub-step after sub-step, from streams that depend only on (seed, t).
     *
     * @param round t
     * @return the draws of the round
     */
    public Supplier<GameBatch> draws(long round) {
        if (round < 0) {
            throw new IllegalArgumentException("round must be >= 0, got " + round);
        }
        Rng r = Rng.seed(config.seed()).split(1).split(round);
        long[] k = {0};
        return () -> {
            Rng sub = r.split(k[0]++);
            return draw(sub.split(0), sub.split(1));
        };
    }

    /**
     * One minibatch of {@code batch} real rows and latents from the given streams, split as the estimator needs.
     *
     * @param dataRng the stream of real rows
     * @param latentRng the stream of latents
     * @return the games
     */
    public GameBatch draw(Rng dataRng, Rng latentRng) {
        return GanTraining.batch(gan, data.sample(config.batch(), dataRng, config.dtype()),
                gan.latents(config.batch(), latentRng, config.dtype()), config.estimator());
    }

    /**
     * Round t from {@code it}: with {@code measure}, the losses and gradient norms on the round's
     * first minibatch before the update; then one Euler round of {@link #step()} (the first
     * sub-step on that minibatch, later sub-steps on the next ones from {@code draws}) or one RK4
     * step of size η_D on it (optimiser states carried unchanged).
     *
     * @param it the iterate
     * @param t the round
     * @param draws the round's minibatches
     * @param measure whether to measure before the update
     * @return the next iterate and the measurement
     */
    public Round round(GameIterate it, long t, Supplier<GameBatch> draws, boolean measure) {
        Objects.requireNonNull(it, "it");
        GameBatch first = Objects.requireNonNull(draws.get(), "the draws supplier returned null");
        GanLog log = measure ? GanTraining.measure(first.loss(), it.state(), t) : null;
        GameIterate next;
        if (config.rk4()) {
            GameState s = OdeGanStep.rk4(first.loss(), it.state(), config.lrD());
            if (config.spectralNorm()) {
                s = s.with(Player.PHI, SpectralNorm.advance(it.state().phi(), s.phi()));
            }
            next = new GameIterate(s, it.phi(), it.theta());
        } else {
            boolean[] used = {false};
            next = step().apply(it, () -> {
                if (!used[0]) {
                    used[0] = true;
                    return first;
                }
                return draws.get();
            });
        }
        return new Round(next, log, finite(next.state()));
    }

    /**
     * Losses and plain-gradient norms at {@code s} on the first minibatch of round t's draws (the final row's measure).
     *
     * @param s (φ, θ)
     * @param t the round
     * @return the log row
     */
    public GanLog measure(GameState s, long t) {
        return GanTraining.measure(draws(t).get().loss(), s, t);
    }

    /**
     * n generated samples G_θ(z) with the evaluation latents z from {@code Rng.seed(seed).split(2)}.
     *
     * @param theta θ
     * @param n the number of samples
     * @return the samples
     */
    public Tensor samples(Params theta, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("number of samples must be positive, got " + n);
        }
        return gan.generate(theta, gan.latents(n, Rng.seed(config.seed()).split(2), config.dtype()));
    }

    /**
     * Whether every parameter of both players is finite (a NaN or ±∞ anywhere makes a norm non-finite).
     *
     * @param s (φ, θ)
     * @return whether all are finite
     */
    public static boolean finite(GameState s) {
        return Double.isFinite(s.phi().normSquared().item()) && Double.isFinite(s.theta().normSquared().item());
    }
}
