package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.flow.Rk4;
import org.occam.tensor.Tensor;

/**
 * MOM-0 (METHODS §1.4, §11): heavy ball with β = 0.6 follows θ̇ = −(1/(1−β))∇Ẽ_β with
 * Ẽ_β = E + [h(1+β)/(4(1−β)²)]‖∇E‖² to O(h³) per step once the velocity sits on the slow
 * manifold, and θ̇ = −∇E/(1−β) only to O(h²).
 *
 * <p>Protocol. The heavy-ball map on (θ, v) has a fast mode that decays like β^n and a slow
 * invariant manifold v = V_h(θ) on which the modified flow is the statement. For each h:
 * <ol>
 *   <li>start at θ₀ = the gradient flow θ̇ = −∇E/(1−β) run backward from a fixed θ* for the
 *       time K·h that K steps take (each step moves θ by about h∇E/(1−β)), so that θ_K lands
 *       within O(h) of θ* for every h (the local-error constant is then the same across the
 *       ladder);</li>
 *   <li>set the velocity to its leading-order slow value v₀ = −h∇E(θ₀)/(1−β) (so the
 *       off-manifold part starts at O(h²)) and run K = 30 ≥ 10/(1−β) heavy-ball steps: the
 *       off-manifold part is then O(h²β^K) ≈ 2·10⁻⁷h², far below the O(h³) errors measured;</li>
 *   <li>compare the next step θ_{K+1} with the flow map over time h started at θ_K.</li>
 * </ol>
 * The ladder is h ∈ {0.04, 0.02, 0.01, 0.005}. On the standard ladder (from 0.16) the
 * backward transient (time K·h = 4.8 of θ̇ = −∇E/(1−β), i.e. 12 time units of gradient ascent)
 * runs far uphill where the constants differ by orders of magnitude, and without the
 * backward start θ_K drifts with h by 75h units of gradient-flow time, which tilts the fitted
 * slopes (measured 2.2 / 1.2 on {0.04…0.005} without it, 2.98 / 1.96 with it).
 */
class MomentumOrderTest {
    static final double BETA = 0.6;
    static final int TRANSIENT = 30;
    static final double[] LADDER = {0.04, 0.02, 0.01, 0.005};
    static final Function<Params, Tensor> LOSS = IgrOrderTest.LOSS;
    static final Params TARGET = Orders.theta(0.9, 1.3, -0.4);

    static double[] localErrors(DoubleFunction<Function<Params, Params>> flow) {
        Function<Params, Params> grad = Autodiff.grad(LOSS);
        double[] err = new double[LADDER.length];
        for (int i = 0; i < err.length; i++) {
            double h = LADDER[i];
            double time = TRANSIENT * h; // K steps of the slow dynamics = time K·h of θ̇ = −∇E/(1−β)
            Params theta = Rk4.integrate(MomentumModifiedLoss.plainFlow(LOSS, BETA), TARGET, -time, 100);
            Params v = grad.apply(theta).scale(-h / (1 - BETA));
            for (int n = 0; n < TRANSIENT; n++) {
                v = v.scale(BETA).addScaled(grad.apply(theta), -h);
                theta = theta.add(v);
            }
            Params next = theta.add(v.scale(BETA).addScaled(grad.apply(theta), -h));
            Params f = Rk4.integrate(flow.apply(h), theta, h, 20);
            err[i] = Orders.distance(next, f);
        }
        return err;
    }

    @Test
    void modifiedFlowIsThirdOrder() {
        double[] with = localErrors(h -> MomentumModifiedLoss.flow(LOSS, h, BETA));
        double[] without = localErrors(h -> MomentumModifiedLoss.plainFlow(LOSS, BETA));
        System.out.println(Orders.row("MOM-0 modified flow", LADDER, with));
        System.out.println(Orders.row("MOM-0 plain flow", LADDER, without));
        double s3 = Orders.slope(LADDER, with);
        double s2 = Orders.slope(LADDER, without);
        assertEquals(3, s3, 0.3);
        assertEquals(2, s2, 0.3);
        assertTrue(s3 - s2 > 0.6, "slopes not separated: " + s3 + " vs " + s2);
    }

    @Test
    void wrongCoefficientIsOnlySecondOrder() {
        // the GD coefficient h/4 in place of h(1+β)/(4(1−β)²): the check must tell them apart
        double[] err = localErrors(h -> {
            Function<Params, Params> g = Autodiff.grad(ImplicitGradientRegularization.modifiedLoss(LOSS, h));
            return p -> g.apply(p).scale(-1 / (1 - BETA));
        });
        System.out.println(Orders.row("MOM-0 flow with the GD coefficient h/4", LADDER, err));
        assertEquals(2, Orders.slope(LADDER, err), 0.3);
    }
}
