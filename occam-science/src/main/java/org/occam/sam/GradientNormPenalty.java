package org.occam.sam;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Gradient-norm penalties next to SAM (docs/sam.md):
 * <ul>
 *   <li>{@link #exact}: E + ρ‖∇E‖ by double backprop, gradient ∇E + ρ·H∇E/‖∇E‖ — SAM's first-order
 *       penalty view (Foret et al. 2021 §2);</li>
 *   <li>{@link #forwardDifference}: the same penalty with Hĝ (ĝ = g/‖g‖) by a forward difference of step r
 *       along ĝ, gradient g + ρ·(∇E(θ + rĝ) − g)/r; with r = ρ it is exactly SAM's gradient ∇E(θ + ρĝ);</li>
 *   <li>{@link #squaredForwardDifference}: E + μ‖∇E‖² (EGR) with Hg by the forward difference of Karakida
 *       et al. (2023, arXiv 2210.02720, "F-GR": ascent then descent), gradient g + 2μ‖g‖(∇E(θ + rĝ) − g)/r.
 *       Its ascent parameter ε in the paper's form ∇E(θ + εg) is r/‖g‖. The central-difference form of the
 *       same penalty is {@code ExplicitGradientRegularization.finiteDifference} (error O(r²), this one O(r)).</li>
 * </ul>
 * Penalties of the batch gradient are not decomposable into chunks; evaluate with {@link Objective#base()}.
 */
public final class GradientNormPenalty {
    private GradientNormPenalty() {
    }

    /**
     * E + ρ‖∇E‖, differentiated by double backprop.
     *
     * @param base E
     * @param rho ρ
     * @return the penalized objective
     */
    public static Objective exact(Objective base, double rho) {
        requireNonNegative("gradient-norm penalty coefficient rho", rho);
        return Objective.regularized(base, false, (p, b) -> {
            Autodiff.ValueAndGrad vg = Autodiff.valueAndGrad((Params q) -> base.loss(q, b)).apply(p);
            return vg.value().add(vg.grad().normSquared().sqrt().mul(rho));
        });
    }

    /**
     * E + ρ‖∇E‖ with the forward-difference gradient of step length r (r = ρ: SAM).
     *
     * @param base E
     * @param rho ρ
     * @param step the difference step r
     * @return the penalized objective
     */
    public static Objective forwardDifference(Objective base, double rho, double step) {
        requireNonNegative("gradient-norm penalty coefficient rho", rho);
        requirePositive(step);
        return new Forward(base, step, rho, 0);
    }

    /**
     * E + μ‖∇E‖² with Karakida et al.'s forward-difference Hg, step length r along ĝ.
     *
     * @param base E
     * @param mu μ
     * @param step the difference step r
     * @return the penalized objective
     */
    public static Objective squaredForwardDifference(Objective base, double mu, double step) {
        requireNonNegative("gradient-norm penalty coefficient mu", mu);
        requirePositive(step);
        return new Forward(base, step, 0, mu);
    }

    /**
     * Value E + a‖g‖ + b‖g‖², gradient g + c·Hĝ with c = a + 2b‖g‖ and Hĝ ≈ (∇E(θ + rĝ) − g)/r. Its
     * {@code loss} is the surrogate E(θ) + penalty + ⟨sg(c·Hĝ), θ − sg(θ)⟩, whose backprop gradient is the same.
     */
    private record Forward(Objective inner, double step, double linear, double squared) implements Objective {

        private record Parts(double value, Params grad, double penalty, Params correction) {
        }

        private Parts parts(Params p, Batch b) {
            Function<Params, Autodiff.ValueAndGrad> vg = Autodiff.valueAndGrad((Params q) -> inner.loss(q, b));
            Params at = p.detach();
            Autodiff.ValueAndGrad e = vg.apply(at);
            Params g = e.grad().detach();
            double gn = Math.sqrt(g.normSquared().item());
            double c = linear + 2 * squared * gn;
            Params corr;
            if (gn == 0 || c == 0) {
                corr = g.scale(0);
            } else {
                Params ahead = vg.apply(at.addScaled(g, step / gn)).grad().detach();
                corr = ahead.sub(g).scale(c / step);
            }
            return new Parts(e.value().item(), g, linear * gn + squared * gn * gn, corr);
        }

        @Override
        public Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
            Parts s = parts(params, batch);
            return new Autodiff.ValueAndGrad(Tensor.scalar(s.value() + s.penalty(), params.dtype()),
                    s.grad().add(s.correction()));
        }

        @Override
        public Tensor loss(Params params, Batch batch) {
            Parts s = parts(params, batch);
            Tensor shift = params.sub(params.detach()).dot(s.correction());
            return inner.loss(params, batch).add(s.penalty()).add(shift);
        }

        @Override
        public boolean decomposable() {
            return false;
        }

        @Override
        public Objective base() {
            return inner.base();
        }
    }

    private static void requireNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite non-negative number, got " + v);
        }
    }

    private static void requirePositive(double step) {
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("finite-difference step must be positive and finite, got " + step);
        }
    }
}
