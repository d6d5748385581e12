package org.occam.regularize;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Explicit gradient regularization (EGR, Barrett &amp; Dherin 2021; METHODS §1.1–1.2):
 * E_μ(θ) = E(θ) + μ‖∇E(θ)‖², whose gradient is ∇E + 2μ·H∇E.
 *
 * <p>Trained with GD at learning rate h, E_μ carries an implicit-plus-explicit coefficient of about
 * μ + h/4 to first order, so {@link #matchingCoefficient(double, double)} μ = (h_big − h_small)/4
 * lets a run at h_small emulate the gradient regularization of h_big.
 *
 * <p>Two forms:
 * <ul>
 *   <li>{@link #exact(Objective, double)}: double backprop, the gradient of ‖∇E‖² through the
 *       graph of ∇E (one HVP's worth of work);</li>
 *   <li>{@link #finiteDifference(Objective, double, double)}: the H g term by a central difference
 *       of two extra gradients, 2μ·Hg ≈ 2μ‖g‖·(∇E(θ + r û) − ∇E(θ − r û))/(2r) with
 *       û = sg(g)/‖g‖, so the step along g has length r in parameter space (the same as the
 *       brief's ε = r/‖g‖). Truncation error O(r²) (METHODS §10.7).</li>
 * </ul>
 *
 * <p>The penalty squares the gradient of whatever {@code base} returns on the batch it is given:
 * wrap the loss the optimiser differentiates (METHODS §10.1), and note that ‖∇E‖² of a batch is
 * not the mean of ‖∇E‖² over chunks of it, so train it without gradient chunking.
 *
 * <p>The finite-difference objective overrides {@link Objective#valueAndGrad}: its {@code loss} is a
 * surrogate with the right value and backprop gradient, so it also works in a loop that only
 * differentiates {@code loss} (at the cost of one more gradient and of recording the inner
 * gradients' graphs); {@link Objective#valueAndGrad} takes the direct path (three gradients), as the training loop does.
 */
public final class ExplicitGradientRegularization {
    private ExplicitGradientRegularization() {
    }

    /**
     * E + μ‖∇E‖² by double backprop.
     *
     * @param base E
     * @param mu μ
     * @return the regularized objective
     */
    public static Objective exact(Objective base, double mu) {
        Terms.requireNonNegative("EGR coefficient mu", mu);
        return Objective.regularized(base, false, (p, b) -> Terms.plusGradNorm(q -> base.loss(q, b), mu).apply(p));
    }

    /**
     * E + μ‖∇E‖² for a scalar loss, by double backprop.
     *
     * @param loss E
     * @param mu μ
     * @return the regularized loss
     */
    public static Function<Params, Tensor> exact(Function<Params, Tensor> loss, double mu) {
        Terms.requireNonNegative("EGR coefficient mu", mu);
        return Terms.plusGradNorm(loss, mu);
    }

    /**
     * The finite-difference form with step length {@code step} along the normalized gradient
     * (in parameter units; about 1e-5 times the parameter scale in float64, 1e-2 in float32).
     *
     * @param base E
     * @param mu μ
     * @param step the difference step
     * @return the regularized objective
     */
    public static Objective finiteDifference(Objective base, double mu, double step) {
        Terms.requireNonNegative("EGR coefficient mu", mu);
        if (!(step > 0) || Double.isInfinite(step)) {
            throw new IllegalArgumentException("finite-difference step must be positive and finite, got " + step);
        }
        return new FiniteDifference(base, mu, step);
    }

    /**
     * The finite-difference form with the default step: 1e-5 in float64, 1e-2 in float32.
     *
     * @param base E
     * @param mu μ
     * @return the regularized objective
     */
    public static Objective finiteDifference(Objective base, double mu) {
        Terms.requireNonNegative("EGR coefficient mu", mu);
        return new FiniteDifference(base, mu, Double.NaN);
    }

    /**
     * μ = (h_big − h_small)/4: EGR at h_small then matches the first-order IGR of h_big (METHODS §1.1).
     *
     * @param hBig the rate whose implicit regularization is matched
     * @param hSmall the rate EGR runs at
     * @return μ
     */
    public static double matchingCoefficient(double hBig, double hSmall) {
        if (!(hBig >= hSmall && hSmall >= 0)) {
            throw new IllegalArgumentException("need 0 <= h_small <= h_big, got h_small = " + hSmall + ", h_big = " + hBig);
        }
        return (hBig - hSmall) / 4;
    }

    /** The default central-difference step for a dtype. */
    static double defaultStep(DType dtype) {
        return dtype == DType.FLOAT64 ? 1e-5 : 1e-2;
    }

    private record FiniteDifference(Objective inner, double mu, double step) implements Objective {

        @Override
        public boolean decomposable() {
            return false;
        }

        @Override
        public Objective base() {
            return inner.base();
        }


        /** Loss value E(θ), the gradient g and the finite-difference H g, all at constant θ. */
        private record Parts(double value, Params grad, double gradNormSquared, Params hg) {
        }

        private Parts parts(Params p, Batch b) {
            Function<Params, Tensor> e = q -> inner.loss(q, b);
            Function<Params, Autodiff.ValueAndGrad> vg = Autodiff.valueAndGrad(e);
            Params at = p.detach();
            Autodiff.ValueAndGrad c = vg.apply(at);
            Params g = c.grad().detach();
            double gn2 = g.normSquared().item();
            double gn = Math.sqrt(gn2);
            Params hg;
            if (gn == 0 || mu == 0) {
                hg = g.scale(0);
            } else {
                double r = Double.isNaN(step) ? defaultStep(at.dtype()) : step;
                Params dir = g.scale(r / gn);
                Params plus = vg.apply(at.add(dir)).grad().detach();
                Params minus = vg.apply(at.sub(dir)).grad().detach();
                hg = plus.sub(minus).scale(gn / (2 * r));
            }
            return new Parts(c.value().item(), g, gn2, hg);
        }

        @Override
        public Autodiff.ValueAndGrad valueAndGrad(Params params, Batch batch) {
            Parts s = parts(params, batch);
            Tensor value = Tensor.scalar(s.value() + mu * s.gradNormSquared(), params.dtype());
            return new Autodiff.ValueAndGrad(value, s.grad().addScaled(s.hg(), 2 * mu));
        }

        /**
         * Surrogate E(θ) + μ‖sg(g)‖² + ⟨sg(2μ Hg), θ − sg(θ)⟩: the value is E + μ‖g‖² and the
         * backprop gradient is ∇E + 2μ·Hg with Hg from the finite difference.
         */
        @Override
        public Tensor loss(Params params, Batch batch) {
            Parts s = parts(params, batch);
            Tensor e = inner.loss(params, batch);
            Tensor shift = params.sub(params.detach()).dot(s.hg().scale(2 * mu));
            return e.add(mu * s.gradNormSquared()).add(shift);
        }
    }
}
