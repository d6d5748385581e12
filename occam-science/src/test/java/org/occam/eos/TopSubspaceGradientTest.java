package org.occam.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.measure.SymmetricEigen;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.Objective;

/** ‖P_k g‖²/‖g‖²: 1 for an eigenvector gradient, and the exact dense-Hessian value on a tiny net. */
class TopSubspaceGradientTest {

    @Test
    void oneWhenTheGradientIsATopEigenvector() {
        // E = ½θᵀAθ, A = diag(5, 3, 1) rotated; at θ = the top eigenvector, g = Aθ = 5θ
        double c = Math.cos(0.4);
        double s = Math.sin(0.4);
        double[] a = {5 * c * c + 3 * s * s, 2 * c * s, 0, 2 * c * s, 5 * s * s + 3 * c * c, 0, 0, 0, 1};
        Tensor am = Tensor.of(a, 3, 3);
        Function<Params, Tensor> loss = p -> p.get("t").reshape(1, 3).matmul(am).matmul(p.get("t").reshape(3, 1))
                .sum().mul(0.5);
        Params top = Params.of("t", Tensor.of(new double[] {c, s, 0}, 3));
        assertEquals(1, TopSubspaceGradient.fraction(loss, top, 1, 3, Rng.seed(0)), 1e-12);
        // the second eigenvector: 0 in the top-1 space, 1 in the top-2 space
        Params second = Params.of("t", Tensor.of(new double[] {-s, c, 0}, 3));
        assertEquals(0, TopSubspaceGradient.fraction(loss, second, 1, 3, Rng.seed(0)), 1e-12);
        assertEquals(1, TopSubspaceGradient.fraction(loss, second, 2, 3, Rng.seed(0)), 1e-12);
        // a mix: g = A(e1 + e3) = 5e1 + e3 → 25/26 in the top-1 space
        Params mix = Params.of("t", Tensor.of(new double[] {c, s, 1}, 3));
        assertEquals(25.0 / 26, TopSubspaceGradient.fraction(loss, mix, 1, 3, Rng.seed(0)), 1e-12);
    }

    @Test
    void matchesTheDenseHessianOnATinyNet() {
        Sequential net = Models.parse("mlp:2-3-2:tanh");
        Params p = net.init(Rng.seed(1), DType.FLOAT64);
        Tensor x = Tensor.of(new double[] {0.5, -1, 1.2, 0.3, -0.7, 0.8, 0.1, -0.4}, 4, 2);
        Tensor y = Tensor.of(new double[] {1, 0, 0, 1, 1, 1, 0, -1}, 4, 2);
        Function<Params, Tensor> loss = q -> net.apply(q, x).sub(y).square().mean();
        int m = p.numel();
        double[] h = Autodiff.hessian(loss, p).toDoubleArray();
        double[][] hm = new double[m][m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(h, i * m, hm[i], 0, m);
        }
        SymmetricEigen e = SymmetricEigen.of(hm);
        double[] g = Autodiff.grad(loss).apply(p).flatten().toDoubleArray();
        double g2 = 0;
        for (double v : g) {
            g2 += v * v;
        }
        for (int k : new int[] {1, 3}) {
            double exact = 0;
            for (int i = 0; i < k; i++) {
                double d = 0;
                for (int j = 0; j < m; j++) {
                    d += e.vectors()[i][j] * g[j];
                }
                exact += d * d;
            }
            exact /= g2;
            double lanczos = TopSubspaceGradient.fraction(loss, p, k, m, Rng.seed(2));
            assertEquals(exact, lanczos, 1e-8, "k = " + k);
            assertTrue(exact > 0 && exact < 1);
        }
    }

    @Test
    void monitorReportsTheFraction() {
        Sequential net = Models.parse("mlp:2-3-1:tanh");
        Params p = net.init(Rng.seed(1), DType.FLOAT64);
        Tensor x = Tensor.of(new double[] {0.5, -1, 1.2, 0.3, -0.7, 0.8}, 3, 2);
        Tensor y = Tensor.of(new double[] {1, 0, -1}, 3, 1);
        Dataset d = Dataset.regression("tiny", x, y);
        Objective obj = Objective.parse("mse", net);
        Map<String, Double> m = EosMonitors.gradientInTopSubspace(1, 3, 2, p.numel())
                .measure(new Monitor.Context(0, p, net, obj, d, 0.1));
        // the subset is all 3 rows (in a seeded order): the mean loss is that of the whole set
        double direct = TopSubspaceGradient.fraction(q -> obj.loss(q, d.all()), p, 2, p.numel(), Rng.seed(0));
        assertEquals(direct, m.get("grad_top_fraction"), 1e-8);
    }
}
