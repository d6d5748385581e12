package org.occam.ntk;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Lazy vs rich (Chizat et al. 2019): GD on (1/α²)·MSE(α(f − f₀), y) for a fixed budget; the NTK
 * moves less as α grows, by about 1/α (the parameters move O(1/α) for the same function-space path).
 */
class LazyRegimeTest {
    @Test
    void kernelDistanceShrinksWithTheOutputScale() {
        Sequential net = Models.parse("mlp:2-32-1:tanh");
        Params p0 = net.init(Rng.seed(3), DType.FLOAT64);
        Tensor x = Tensor.of(new double[] {-1, 0.2, -0.6, -0.8, -0.2, 0.9, 0.3, -0.4, 0.7, 0.6, 1.0, -1.0}, 6, 2);
        Tensor y = Tensor.of(new double[] {0.8, -0.5, 0.3, 0.9, -0.7, 0.1}, 6, 1);
        Function<Params, Tensor> f = q -> net.apply(q, x);
        double[][] k0 = EmpiricalNtk.kernel(f, p0);
        // half the stability limit of the linearized dynamics: h = 1/λ_max(Θ₀/n), n = 6, the same for every α
        double lr = 6 / EmpiricalNtk.topEigenvalues(k0, 1)[0];
        double[] alphas = {1, 4, 16};
        double[] dist = new double[alphas.length];
        for (int a = 0; a < alphas.length; a++) {
            Function<Params, Tensor> loss = LazyScaling.loss(f, p0, alphas[a], out -> out.sub(y).square().mean().mul(0.5));
            Function<Params, Params> g = Autodiff.grad(loss);
            Params p = p0;
            for (int t = 0; t < 300; t++) {
                p = p.addScaled(g.apply(p), -lr);
            }
            dist[a] = EmpiricalNtk.relativeDistance(EmpiricalNtk.kernel(f, p), k0);
            System.out.printf("lr=%.3f alpha=%g kernel distance=%.4e train loss (f_alpha)=%.4e%n", lr, alphas[a], dist[a],
                    loss.apply(p).item() * alphas[a] * alphas[a]);
        }
        assertTrue(dist[0] > dist[1] && dist[1] > dist[2], "not decreasing in alpha");
        // lazy: roughly 1/α, so a 16× larger scale moves the kernel at least 4× less
        assertTrue(dist[2] < dist[0] / 4, "distance at alpha 16 not well below alpha 1");
        double ratio = dist[1] / dist[2];
        assertTrue(ratio > 2 && ratio < 8, "4x alpha should shrink the distance about 4x, got " + ratio);
    }
}
