package org.occam.games;

import java.util.Objects;
import java.util.function.Supplier;
import org.occam.autodiff.Params;
import org.occam.optim.Optimizer;

/**
 * One round of two-player training (METHODS §3.1, §3.6): each player's optimiser is fed its
 * regularised gradient ({@link PlayerGradients}) with the final coefficients of
 * {@link DriftRegularizers} resolved against the scheme's {@link DriftCoefficients}.
 * <ul>
 *   <li>simultaneous: one game (minibatch) from the supplier, both gradients at the same state;</li>
 *   <li>alternating, φ first: n_φ consecutive φ steps, then n_θ θ steps at the updated φ, each
 *       sub-step with a fresh game from the supplier.</li>
 * </ul>
 *
 * @param scheme        simultaneous or alternating
 * @param phi           φ's optimiser and rate η_φ
 * @param theta         θ's optimiser and rate η_θ
 * @param regularizers  explicit regularisers (multipliers of the drift, explicit coefficients)
 * @param drift         the drift coefficients the multipliers refer to
 */
public record GameStep(UpdateScheme scheme, PlayerOptimizer phi, PlayerOptimizer theta,
        DriftRegularizers regularizers, DriftCoefficients drift) {
    /** Refuses a missing part. */
    public GameStep {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(phi, "phi");
        Objects.requireNonNull(theta, "theta");
        Objects.requireNonNull(regularizers, "regularizers");
        Objects.requireNonNull(drift, "drift");
    }

    /**
     * A step whose drift coefficients follow the given convention for the players' rates.
     *
     * @param scheme the update scheme
     * @param phi φ's optimiser and rate
     * @param theta θ's optimiser and rate
     * @param regularizers the explicit regularisers
     * @param convention exact or reference drift coefficients
     * @return the step
     */
    public static GameStep of(UpdateScheme scheme, PlayerOptimizer phi, PlayerOptimizer theta,
            DriftRegularizers regularizers, DriftCoefficients.Convention convention) {
        return new GameStep(scheme, phi, theta, regularizers,
                convention.of(scheme, phi.learningRate(), theta.learningRate()));
    }

    /**
     * Plain gradient descent for both players (no regularisers), exact drift coefficients.
     *
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the step
     */
    public static GameStep gd(UpdateScheme scheme, double etaPhi, double etaTheta) {
        return of(scheme, PlayerOptimizer.sgd(etaPhi), PlayerOptimizer.sgd(etaTheta), DriftRegularizers.none(),
                DriftCoefficients.Convention.EXACT);
    }

    /**
     * Player p's optimiser and rate.
     *
     * @param p the player
     * @return its optimiser and rate
     */
    public PlayerOptimizer player(Player p) {
        return p == Player.PHI ? phi : theta;
    }

    /**
     * Player p's final term coefficients.
     *
     * @param p the player
     * @return the term weights
     */
    public TermWeights weights(Player p) {
        return regularizers.weights(p, drift);
    }

    /**
     * One round from {@code it}, drawing a game for each (sub)step from {@code games}.
     *
     * @param it the iterate
     * @param games draws the game of each (sub)step
     * @return the next iterate
     */
    public GameIterate apply(GameIterate it, Supplier<GameBatch> games) {
        Objects.requireNonNull(games, "games");
        if (!scheme.isAlternating()) {
            GameBatch b = Objects.requireNonNull(games.get(), "the game supplier returned null");
            GameState s = it.state();
            Optimizer.Update up = update(Player.PHI, it, PlayerGradients.of(Player.PHI, b, s, weights(Player.PHI)));
            Optimizer.Update ut = update(Player.THETA, it,
                    PlayerGradients.of(Player.THETA, b, s, weights(Player.THETA)));
            return it.with(Player.PHI, up.params(), up.state()).with(Player.THETA, ut.params(), ut.state());
        }
        GameIterate out = it;
        for (Player p : java.util.List.of(Player.PHI, Player.THETA)) { // φ first (METHODS §3.1)
            for (int k = 0; k < scheme.steps(p); k++) {
                GameBatch b = Objects.requireNonNull(games.get(), "the game supplier returned null");
                Optimizer.Update u = update(p, out, PlayerGradients.of(p, b, out.state(), weights(p)));
                out = out.with(p, u.params(), u.state());
            }
        }
        return out;
    }

    /**
     * One round on a fixed (full-batch, deterministic) game with the biased estimator.
     *
     * @param it the iterate
     * @param game the two players' losses
     * @return the next iterate
     */
    public GameIterate apply(GameIterate it, Game game) {
        GameBatch b = GameBatch.biased(game);
        return apply(it, () -> b);
    }

    /**
     * {@code rounds} rounds on a fixed game, returning every state (index 0 is the start).
     *
     * @param start the start state
     * @param game the two players' losses
     * @param rounds the number of rounds
     * @return the states
     */
    public GameState[] run(GameState start, Game game, int rounds) {
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be >= 0, got " + rounds);
        }
        GameState[] out = new GameState[rounds + 1];
        GameIterate it = GameIterate.start(start);
        out[0] = start;
        for (int n = 1; n <= rounds; n++) {
            it = apply(it, game);
            out[n] = it.state();
        }
        return out;
    }

    private Optimizer.Update update(Player p, GameIterate it, Params grad) {
        PlayerOptimizer po = player(p);
        return po.optimizer().update(it.state().get(p), grad.detach(), it.opt(p), po.learningRate());
    }
}
