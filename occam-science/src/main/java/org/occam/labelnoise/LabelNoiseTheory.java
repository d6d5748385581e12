package org.occam.labelnoise;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * What Gaussian label noise does to one SGD step on a loss that is quadratic in the targets
 * (MSE), derived in docs/label-noise.md. The noisy gradient is ∇E + ζ with ζ = σΣ_j ξ_j u_j
 * linear in the noise, u_j = ∂∇_θE/∂y_j (one vector per target entry j of the batch), so
 * Cov ζ = C = σ²Σ_j u_j u_jᵀ. Then, with θ̄ = θ − η∇E(θ):
 * <ul>
 *   <li>one step: E_ξ[E(θ')] = E(θ̄) + (η²/2)·tr(H(θ)C) + O(η³) — {@link #expectedLossIncrease};</li>
 *   <li>two steps: E_ξ[θ₂] = GD₂ − (η³/2)·∇_θ tr(H(θ)C)|_{C fixed} + O(η⁴), the mean drift towards
 *       smaller tr(HC) — {@link #twoStepDrift};</li>
 *   <li>at an interpolating minimum, C = c·H for the PyTorch mean MSE with c = 2σ²/(bk) (b rows,
 *       k outputs), the iterates' stationary covariance is (ηc/2)P and the mean follows GD on
 *       E + λ·tr H with λ = ηc/4 = ησ²/(2bk) — {@link #traceCoefficient}.</li>
 * </ul>
 */
public final class LabelNoiseTheory {
    private LabelNoiseTheory() {
    }

    /**
     * The vectors u_j = ∂∇_θE/∂y_j for every target entry j of the batch, as
     * ∇E(θ; y + e_j) − ∇E(θ; y) — exact (to rounding) for a loss quadratic in the targets.
     *
     * @param mse the MSE objective
     * @param theta the parameters
     * @param batch a batch of examples
     * @return u_j for every target entry j
     */
    public static List<Params> noiseDirections(Objective mse, Params theta, Batch batch) {
        Tensor t = batch.targets();
        if (t == null) {
            throw new IllegalArgumentException("the label-noise directions need regression targets; this batch has none");
        }
        Params g0 = Autodiff.grad((Params q) -> mse.loss(q, batch)).apply(theta.detach());
        double[] y = t.toDoubleArray();
        List<Params> out = new ArrayList<>();
        for (int j = 0; j < y.length; j++) {
            double[] e = y.clone();
            e[j] += 1;
            Batch shifted = new Batch(batch.x(), batch.y(), Tensor.of(t.dtype(), e, t.shape()), batch.indices());
            out.add(Autodiff.grad((Params q) -> mse.loss(q, shifted)).apply(theta.detach()).sub(g0));
        }
        return out;
    }

    /**
     * tr(H(θ)C) = σ²Σ_j u_jᵀH(θ)u_j, H the Hessian of {@code loss}.
     *
     * @param loss the training loss
     * @param theta the parameters
     * @param u the noise directions u_j
     * @param sigma σ
     * @return tr(HC)
     */
    public static double traceHC(Function<Params, Tensor> loss, Params theta, List<Params> u, double sigma) {
        double s = 0;
        for (Params v : u) {
            s += Autodiff.hvp(loss, theta, v).dot(v).item();
        }
        return sigma * sigma * s;
    }

    /**
     * (η²/2)·tr(H(θ)C): the predicted E_ξ[E(θ')] − E(θ − η∇E) of one label-noise step.
     *
     * @param loss the training loss
     * @param theta the parameters
     * @param u the noise directions u_j
     * @param sigma σ
     * @param lr the step size η
     * @return the predicted increase
     */
    public static double expectedLossIncrease(Function<Params, Tensor> loss, Params theta, List<Params> u, double sigma,
                                              double lr) {
        return lr * lr / 2 * traceHC(loss, theta, u, sigma);
    }

    /**
     * −(η³/2)·∇_θ tr(H(θ)C) with C fixed: the predicted E_ξ[θ₂] − GD₂ after two label-noise steps from θ.
     *
     * @param loss the training loss
     * @param theta the parameters
     * @param u the noise directions u_j
     * @param sigma σ
     * @param lr the step size η
     * @return the predicted drift
     */
    public static Params twoStepDrift(Function<Params, Tensor> loss, Params theta, List<Params> u, double sigma,
                                      double lr) {
        Params acc = null;
        for (Params v : u) {
            Params d = Autodiff.grad((Params q) -> Autodiff.hvp(loss, q, v).dot(v)).apply(theta);
            acc = acc == null ? d : acc.add(d);
        }
        return acc.scale(-lr * lr * lr / 2 * sigma * sigma);
    }

    /**
     * λ = ησ²/(2bk): label-noise SGD with rate η, noise σ, batch b and k outputs per row on the PyTorch
     * mean MSE drifts like GD on E + λ·tr H near interpolating minima (first order in η; docs/label-noise.md).
     *
     * @param lr η
     * @param sigma σ
     * @param batchSize b
     * @param outputs k
     * @return λ
     */
    public static double traceCoefficient(double lr, double sigma, int batchSize, int outputs) {
        if (!(lr > 0) || !(sigma >= 0) || batchSize < 1 || outputs < 1) {
            throw new IllegalArgumentException("need lr > 0, sigma >= 0, batch size >= 1 and outputs >= 1");
        }
        return lr * sigma * sigma / (2.0 * batchSize * outputs);
    }
}
