package org.occam.autodiff;

import org.occam.tensor.Ops;
import java.util.function.Function;
import org.occam.tensor.Tensor;

/**
 * Σ_b ‖∂f(x_b)/∂x_b‖²_F for a batch x [B, d] and a per-example function f with k outputs, in
 * one backward pass: the k output cotangents are stacked on a new leading axis (x broadcast to
 * [k, B, d] without copying), so every layer's backward runs as one large GEMM.
 * The function must accept leading batch axes (as matmul-based models do). Ops collapse axes
 * that all their operands broadcast, so the forward pass is still computed once.
 */
public final class InputJacobian {
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
        Tensor jt = Autodiff.vjpTensor(f, stacked).pullback().apply(cot);
        return jt.square().sum();
    }
}
