package org.occam.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;

/** Central finite-difference checks (float64) of gradients and Hessian-vector products for the kernel tests. */
final class OpsGradCheck {
    private OpsGradCheck() {
    }

    static final double EPS = 1e-5;
    static final double TOL = 1e-6;

    static double value(Function<Params, Tensor> f, Params p) {
        return Recording.noGrad(() -> f.apply(p)).item();
    }

    static void checkGrad(Function<Params, Tensor> f, Params p) {
        double[] g = Autodiff.grad(f).apply(p).flatten().toDoubleArray();
        int m = g.length;
        for (int i = 0; i < m; i++) {
            double[] e = new double[m];
            e[i] = 1;
            Params dir = p.unflatten(Tensor.of(e, m));
            double fd = (value(f, p.addScaled(dir, EPS)) - value(f, p.addScaled(dir, -EPS))) / (2 * EPS);
            assertEquals(fd, g[i], TOL * (1 + Math.abs(fd)), "d/dθ_" + i);
        }
    }

    static void checkHvp(Function<Params, Tensor> f, Params p, Rng rng) {
        Params v = p.map(t -> rng.normal(DType.FLOAT64, 0, 1, t.shapeRef()));
        double[] hv = Autodiff.hvp(f, p, v).flatten().toDoubleArray();
        Function<Params, Params> grad = Autodiff.grad(f);
        double[] gp = grad.apply(p.addScaled(v, EPS)).flatten().toDoubleArray();
        double[] gm = grad.apply(p.addScaled(v, -EPS)).flatten().toDoubleArray();
        boolean nonzero = false;
        for (int i = 0; i < hv.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * EPS);
            assertEquals(fd, hv[i], TOL * (1 + Math.abs(fd)), "(Hv)_" + i);
            nonzero |= Math.abs(hv[i]) > 1e-3;
        }
        assertTrue(nonzero, "the Hessian-vector product should not vanish");
    }
}
