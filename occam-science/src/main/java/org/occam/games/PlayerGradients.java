package org.occam.games;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * The gradient each player's optimiser sees (METHODS §3.3, §3.5): for player p with "own" = p and
 * "other" the opponent,
 * <pre>
 *   ∇_own L_own + c_self  ∇_own(∇_own   L_own   · sg ∇_own   L_own)
 *               + c_other ∇_own(∇_other L_other · sg ∇_other L_other)
 *               + c_dot   ∇_own(∇_other L_own   · sg ∇_other L_other).
 * </pre>
 * With the biased estimator the first two regularisers are ∇_own(½‖∇_own L_own‖²) and
 * ∇_own(½‖∇_other L_other‖²). In each term the first factor is differentiated (on
 * {@link GameBatch#differentiated()}) and the second is frozen (on {@link GameBatch#frozen()}): the
 * order decides which Hessian block appears (METHODS §10 pitfall 3). Computed by double backward.
 */
public final class PlayerGradients {
    private PlayerGradients() {
    }

    /**
     * The regularised gradient of player p at s: ∇_own of {@link #surrogate}.
     *
     * @param p the player
     * @param batch the games
     * @param s (φ, θ)
     * @param w the term weights
     * @return the gradient
     */
    public static Params of(Player p, GameBatch batch, GameState s, TermWeights w) {
        return Autodiff.grad(surrogate(p, batch, s, w)).apply(s.get(p));
    }

    /**
     * Both players' regularised gradients at the same state (simultaneous updates), as a state-shaped pair.
     *
     * @param batch the games
     * @param s (φ, θ)
     * @param phi φ's term weights
     * @param theta θ's term weights
     * @return both gradients
     */
    public static GameState both(GameBatch batch, GameState s, TermWeights phi, TermWeights theta) {
        return new GameState(of(Player.PHI, batch, s, phi), of(Player.THETA, batch, s, theta));
    }

    /**
     * The scalar whose gradient in player p's parameters (the other player and every frozen factor
     * held fixed at s) is what p's optimiser sees: q ↦ L_own(q) + Σ_t c_t ∇_wrt A_t(q) · v_t with the
     * frozen factors v_t = ∇_wrt B_t(s) evaluated once at s.
     *
     * @param p the player
     * @param batch the games
     * @param s (φ, θ)
     * @param w the term weights
     * @return the surrogate
     */
    public static Function<Params, Tensor> surrogate(Player p, GameBatch batch, GameState s, TermWeights w) {
        Params vSelf = w.selfNorm() == 0 ? null : frozenFactor(Term.SELF_NORM, p, batch, s);
        Params vOther = w.otherNorm() == 0 && w.otherDotProd() == 0 ? null
                : frozenFactor(Term.OTHER_NORM, p, batch, s);
        return q -> {
            GameState sq = s.with(p, q);
            Tensor total = batch.loss().loss(p, sq);
            if (w.selfNorm() != 0) {
                total = total.add(differentiatedFactor(Term.SELF_NORM, p, batch, sq).dot(vSelf).mul(w.selfNorm()));
            }
            if (w.otherNorm() != 0) {
                total = total.add(differentiatedFactor(Term.OTHER_NORM, p, batch, sq).dot(vOther).mul(w.otherNorm()));
            }
            if (w.otherDotProd() != 0) {
                total = total.add(differentiatedFactor(Term.OTHER_DOT_PROD, p, batch, sq).dot(vOther)
                        .mul(w.otherDotProd()));
            }
            return total;
        };
    }

    /**
     * One regulariser term alone, as a function of player p's parameters with the frozen factor
     * held at s: q ↦ ∇_wrt A(q) · sg ∇_wrt B(s), where (A, B, wrt) is (L_p, L_p, p) for
     * self_norm, (L_o, L_o, o) for other_norm and (L_p, L_o, o) for other_dot_prod. Its gradient at
     * s is the term's contribution per unit coefficient (with the biased estimator its value at s
     * is twice the ½‖·‖² regulariser of the norm terms).
     *
     * @param t the term
     * @param p the player
     * @param batch the games
     * @param s (φ, θ)
     * @return the term as a function of p's parameters
     */
    public static Function<Params, Tensor> term(Term t, Player p, GameBatch batch, GameState s) {
        Params v = frozenFactor(t, p, batch, s);
        return q -> differentiatedFactor(t, p, batch, s.with(p, q)).dot(v);
    }

    /** ∇_wrt A on the differentiated game (differentiable in the state). */
    private static Params differentiatedFactor(Term t, Player p, GameBatch batch, GameState s) {
        Player o = p.other();
        return switch (t) {
            case SELF_NORM -> batch.differentiated().grad(p, p, s);
            case OTHER_NORM -> batch.differentiated().grad(o, o, s);
            case OTHER_DOT_PROD -> batch.differentiated().grad(p, o, s);
        };
    }

    /**
     * sg ∇_wrt B on the frozen game: ∇_p L_p for self_norm, ∇_o L_o for the other two terms. It is
     * evaluated at s, outside the differentiation in player p's parameters, so it is a constant
     * there; it is not detached, so a field built from these gradients stays differentiable in s
     * (the Jacobian of a modified flow).
     */
    private static Params frozenFactor(Term t, Player p, GameBatch batch, GameState s) {
        Player b = t == Term.SELF_NORM ? p : p.other();
        return batch.frozen().grad(b, b, s);
    }

    /** The three regulariser terms of METHODS §3.5. */
    public enum Term {
        /** ½‖∇_own L_own‖². */
        SELF_NORM,
        /** ½‖∇_other L_other‖². */
        OTHER_NORM,
        /** ∇_other L_own · sg ∇_other L_other. */
        OTHER_DOT_PROD
    }
}
