package org.occam.games;

import java.util.Objects;
import java.util.function.UnaryOperator;
import org.occam.autodiff.Params;
import org.occam.flow.Flow;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * The two-player modified flows of METHODS §3.2 as {@link Flow}s on the flat float64 state
 * [φ, θ] ({@link GameState#flatten()}), integrable with {@link org.occam.flow.Rk4} and
 * {@link org.occam.flow.DormandPrince}. One round of the update scheme is one unit of time:
 * <pre>
 *   φ̇ = −n_φ η_φ [∇_φL_φ + c_self^φ ∇_φ(½‖∇_φL_φ‖²) + c_dot^φ ∇_φ(∇_θL_φ · sg ∇_θL_θ)]
 *   θ̇ = −n_θ η_θ [∇_θL_θ + c_self^θ ∇_θ(½‖∇_θL_θ‖²) + c_dot^θ ∇_θ(∇_φL_θ · sg ∇_φL_φ)]
 * </pre>
 * which, with the {@link DriftCoefficients#exact exact} coefficients and n = 1, is
 * φ̇ = η_φ[f − ½(η_φ f_φ f + η_θ f_θ g)] and θ̇ = η_θ[g − ½(η_φ g_φ f + η_θ g_θ g)] (simultaneous), or
 * θ̇ = η_θ[g − ½η_θ g_θ g + ½η_φ g_φ f] (alternating). With n_φ, n_θ &gt; 1 the exact coefficients
 * come from the same Taylor matching over a round [DERIVED+NUM]. Zero coefficients give the
 * gradient flow of the round, local error O(h²).
 */
public final class ModifiedFlows {
    private ModifiedFlows() {
    }

    /**
     * "dd-exact": the exact modified flow (local error O(h³) for any rates).
     *
     * @param game the two players' losses
     * @param template the state's shapes
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the flow
     */
    public static Flow exact(Game game, GameState template, UpdateScheme scheme, double etaPhi, double etaTheta) {
        return flow("dd-exact", game, template, scheme, etaPhi, etaTheta,
                DriftCoefficients.exact(scheme, etaPhi, etaTheta));
    }

    /**
     * "dd-reference": the flow with the reference code's coefficients (O(h²) when η_φ ≠ η_θ).
     *
     * @param game the two players' losses
     * @param template the state's shapes
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the flow
     */
    public static Flow reference(Game game, GameState template, UpdateScheme scheme, double etaPhi, double etaTheta) {
        return flow("dd-reference", game, template, scheme, etaPhi, etaTheta,
                DriftCoefficients.reference(scheme, etaPhi, etaTheta));
    }

    /**
     * "gf": the gradient flow of one round, φ̇ = −n_φη_φ∇_φL_φ, θ̇ = −n_θη_θ∇_θL_θ.
     *
     * @param game the two players' losses
     * @param template the state's shapes
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @return the flow
     */
    public static Flow gradient(Game game, GameState template, UpdateScheme scheme, double etaPhi, double etaTheta) {
        return flow("gf", game, template, scheme, etaPhi, etaTheta, DriftCoefficients.zero());
    }

    /**
     * A named flow with the given drift coefficients.
     *
     * @param name the flow's name
     * @param game the two players' losses
     * @param template the state's shapes
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @param c the drift coefficients
     * @return the flow
     */
    public static Flow flow(String name, Game game, GameState template, UpdateScheme scheme, double etaPhi,
            double etaTheta, DriftCoefficients c) {
        UnaryOperator<Tensor> f = field(game, template, scheme, etaPhi, etaTheta, c);
        int n = template.numel();
        return Flow.of(name, y -> f.apply(Tensor.of(DType.FLOAT64, y, n)).toDoubleArray());
    }

    /**
     * The vector field z ↦ ż on the flat float64 state (differentiable in z, so
     * {@link org.occam.autodiff.Autodiff#jacobian} gives the modified system's Jacobian).
     *
     * @param game the two players' losses
     * @param template the state's shapes
     * @param scheme the update scheme
     * @param etaPhi η_φ
     * @param etaTheta η_θ
     * @param c the drift coefficients
     * @return the field
     */
    public static UnaryOperator<Tensor> field(Game game, GameState template, UpdateScheme scheme, double etaPhi,
            double etaTheta, DriftCoefficients c) {
        Objects.requireNonNull(game, "game");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(c, "coefficients");
        DriftCoefficients.checkRates(etaPhi, etaTheta);
        GameState shape = new GameState(float64(template.phi()), float64(template.theta()));
        GameBatch batch = GameBatch.biased(game);
        double ratePhi = scheme.nPhi() * etaPhi;
        double rateTheta = scheme.nTheta() * etaTheta;
        TermWeights wPhi = new TermWeights(c.selfPhi(), 0, c.dotPhi());
        TermWeights wTheta = new TermWeights(c.selfTheta(), 0, c.dotTheta());
        return z -> {
            GameState s = shape.unflatten(z);
            Params dPhi = PlayerGradients.of(Player.PHI, batch, s, wPhi).scale(-ratePhi);
            Params dTheta = PlayerGradients.of(Player.THETA, batch, s, wTheta).scale(-rateTheta);
            return new GameState(dPhi, dTheta).flatten();
        };
    }

    private static Params float64(Params p) {
        return p.map(t -> t.to(DType.FLOAT64).detach());
    }
}
