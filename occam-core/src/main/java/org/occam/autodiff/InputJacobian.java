package org.occam.autodiff;

import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * Σ_b ‖∂f(x_b)/∂x_b‖²_F for a batch x [B, d] and a per-example function f with k outputs, in
 * one backward pass: the k output cotangents are stacked on a new leading axis (x broadcast to
 * [k, B, d] without copying), so every layer's backward runs as one large GEMM.
 * The function must accept leading batch axes (as matmul-based models do). Ops collapse axes
 * that all their operands broadcast, so the forward pass is still computed once.
 *
 * <p>When f begins with a linear layer, f(x) = rest(x Wᵀ + b) with W [H, d], each example's
 * Jacobian is R_b W with R_b = ∂rest/∂h [k, H], and Σ_b ‖R_b W‖²_F = ⟨W Wᵀ, Rᵀ R⟩_F for R the
 * k·B rows R_b stacked ({@link #frobeniusSquaredAfterLinear}): two symmetric Gram matrices of
 * which only the upper block triangle is computed, cheaper than the product R W when k·B and d
 * are both larger than H (an MLP's first layer on images).
 */
public final class InputJacobian {
    /** Column-block width of the block-triangular Gram products (256: fastest of 64..512 measured at H = 512). */
    static final int GRAM_BLOCK = 256;

    private InputJacobian() {
    }

    /**
     * Σ_b ‖J_b‖²_F; f maps [..., B, d] to [..., B, outputs].
     *
     * @param f the per-example function, accepting leading batch axes
     * @param x the inputs [B, d]
     * @param outputs the number of outputs of f per example
     * @return the sum over the batch of the squared Frobenius norms of the input Jacobians
     */
    public static Tensor frobeniusSquared(Function<Tensor, Tensor> f, Tensor x, int outputs) {
        return stackedPullback(f, x, outputs).square().sum();
    }

    /**
     * Σ_b ‖J_b‖²_F of f(x) = rest(x Wᵀ + bias): the rows of ∂rest/∂h for all k one-hot output
     * cotangents come from one batched pullback, and the linear layer enters through the Gram
     * identity Σ ‖R W‖²_F = ⟨W Wᵀ, Rᵀ R⟩_F when that needs fewer operations than R W (same value
     * up to rounding). Differentiable in W, bias and rest's parameters.
     *
     * @param weight W [H, d]
     * @param bias the bias [H], or null for none
     * @param rest the rest of the function, mapping [..., B, H] to [..., B, outputs]
     * @param x the inputs [B, d]
     * @param outputs the number of outputs per example
     * @return the sum over the batch of the squared Frobenius norms of the input Jacobians
     */
    public static Tensor frobeniusSquaredAfterLinear(Tensor weight, Tensor bias, Function<Tensor, Tensor> rest,
            Tensor x, int outputs) {
        int hidden = weight.size(0);
        int d = weight.size(1);
        if (x.rank() != 2 || x.size(1) != d) {
            throw new IllegalArgumentException("input Jacobian after a linear layer needs inputs [B, " + d + "], got rank "
                    + x.rank() + " with last axis " + x.size(-1));
        }
        Tensor h = x.matmul(weight.t());
        if (bias != null) {
            h = h.add(bias);
        }
        int n = outputs * x.size(0);
        Tensor r = stackedPullback(rest, h, outputs).reshape(n, hidden);
        if (gramFlops(n, hidden, d) < 0.8 * directFlops(n, hidden, d)) {
            return gramInner(weight, r);
        }
        return r.matmul(weight).square().sum();
    }

    /** ∂f/∂x pulled back from the k one-hot output cotangents at every example: [k, B, d]. */
    private static Tensor stackedPullback(Function<Tensor, Tensor> f, Tensor x, int outputs) {
        int b = x.size(0);
        int d = x.size(1);
        Tensor stacked = x.unsqueeze(0).expand(outputs, b, d);
        Tensor cot = Tensor.zeros(x.dtype(), outputs, b, outputs);
        for (int k = 0; k < outputs; k++) {
            for (int i = 0; i < b; i++) {
                int pos = (k * b + i) * outputs + k;
                if (cot.doubleData() != null) {
                    cot.doubleData()[pos] = 1;
                } else {
                    cot.floatData()[pos] = 1;
                }
            }
        }
        return Autodiff.vjpTensor(f, stacked).pullback().apply(cot);
    }

    /**
     * Σ_n ‖r_n W‖² = ⟨W Wᵀ, Rᵀ R⟩_F for W [H, d] and R [N, H], from the column blocks j of both
     * Gram matrices below and on the diagonal (rows i ≥ j): the off-diagonal blocks count twice.
     */
    static Tensor gramInner(Tensor w, Tensor r) {
        int hidden = w.size(0);
        Tensor total = null;
        for (int s = 0; s < hidden; s += GRAM_BLOCK) {
            int e = Math.min(hidden, s + GRAM_BLOCK);
            Tensor g = w.slice(0, s, hidden).matmul(w.slice(0, s, e).t());
            Tensor sr = r.slice(1, s, hidden).t().matmul(r.slice(1, s, e));
            Tensor prod = g.mul(sr);
            Tensor block = prod.sum().mul(2).sub(prod.slice(0, 0, e - s).sum());
            total = total == null ? block : total.add(block);
        }
        return total;
    }

    private static double directFlops(int n, int hidden, int d) {
        return 2.0 * n * hidden * d;
    }

    private static double gramFlops(int n, int hidden, int d) {
        double f = 0;
        for (int s = 0; s < hidden; s += GRAM_BLOCK) {
            f += 2.0 * Math.min(GRAM_BLOCK, hidden - s) * (hidden - s) * ((double) d + n);
        }
        return f;
    }
}
