package org.occam.measure;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Model;
import org.occam.tensor.Tensor;

/**
 * The Gauss-Newton matrix G = J_fᵀ ∇²_z L J_f of a loss E(θ) = L(f(θ)), where z = f(θ) are the
 * model outputs on a batch (METHODS §7.2, "the Gauss–Newton trace for MSE"; §0.1 HVP oracle).
 * G is the Hessian with the second-derivative-of-the-network term dropped: positive semi-definite
 * for convex L, and equal to H when f is linear in θ.
 *
 * <p>G v is computed matrix-free: J_f v by transposing the pullback of f (one more reverse pass
 * through the recorded backward graph, as {@link Autodiff#jvp} does), an HVP of L in output space,
 * then the pullback J_fᵀ(·). f and ∇L are traced once per {@link #operator} and reused.
 */
public final class GaussNewton {
    private GaussNewton() {
    }

    /**
     * G as an operator at p.
     *
     * @param outputs    θ ↦ z, the network outputs (e.g. logits [B, k]) on a fixed batch
     * @param outputLoss z ↦ L(z), the scalar loss of the outputs (e.g. cross-entropy against labels)
     * @param p θ
     * @return G
     */
    public static LinearOperator operator(Function<Params, Tensor> outputs, Function<Tensor, Tensor> outputLoss,
            Params p) {
        Autodiff.Vjp<Params> f = Autodiff.vjp(outputs, p);
        Tensor z = f.value();
        Autodiff.Vjp<Tensor> lossGrad = Autodiff.vjpTensor(Autodiff.gradTensor(outputLoss), z);
        Tensor zeros = Tensor.zeros(z.dtype(), z.shapeRef());
        return LinearOperator.of(p, v -> {
            // J v = ∇_u ⟨J_fᵀ u, v⟩: the pullback is linear in u, so its gradient is J_f v
            Tensor jv = Autodiff.gradTensor(u -> f.pullback().apply(u).dot(v)).apply(zeros);
            Tensor hjv = lossGrad.pullback().apply(jv);
            return f.pullback().apply(hjv);
        });
    }

    /**
     * G for a model on inputs x: outputs θ ↦ model(θ, x).
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @param outputLoss z ↦ L(z)
     * @return G
     */
    public static LinearOperator operator(Model model, Params p, Tensor x, Function<Tensor, Tensor> outputLoss) {
        return operator(q -> model.apply(q, x), outputLoss, p);
    }

    /**
     * One product G v (traces f and L afresh; build an {@link #operator} for repeated products).
     *
     * @param outputs θ ↦ z
     * @param outputLoss z ↦ L(z)
     * @param p θ
     * @param v the vector
     * @return G v
     */
    public static Params vectorProduct(Function<Params, Tensor> outputs, Function<Tensor, Tensor> outputLoss, Params p,
            Params v) {
        return operator(outputs, outputLoss, p).apply(v);
    }
}
