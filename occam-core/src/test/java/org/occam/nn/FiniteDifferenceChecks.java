package org.occam.nn;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Central finite-difference checks (float64) of gradients and Hessian-vector products of f(params). */
final class FiniteDifferenceChecks {
    private FiniteDifferenceChecks() {
    }

    private static double value(Function<Params, Tensor> f, Params p) {
        return Recording.noGrad(() -> f.apply(p)).item();
    }

    /** ∇f against central differences on a spread of about 60 coordinates. */
    static void gradient(String name, Function<Params, Tensor> f, Params p, double tol) {
        double eps = 1e-6;
        double[] g = Autodiff.grad(f).apply(p).flatten().toDoubleArray();
        Tensor flat = p.flatten();
        int m = flat.numel();
        int stride = Math.max(1, m / 60);
        for (int i = 0; i < m; i += stride) {
            double[] e = new double[m];
            e[i] = eps;
            double fd = (value(f, p.unflatten(flat.add(Tensor.of(e, m)))) - value(f, p.unflatten(flat.sub(Tensor.of(e, m)))))
                    / (2 * eps);
            if (Math.abs(fd - g[i]) > tol * (1 + Math.abs(fd))) {
                fail(name + ": coordinate " + i + " autodiff " + g[i] + " vs finite difference " + fd);
            }
        }
    }

    /** H v against the central difference of ∇f along a random v. */
    static void hvp(String name, Function<Params, Tensor> f, Params p, double tol, long seed) {
        double eps = 1e-5;
        Rng rng = Rng.seed(seed);
        Params v = p.map(t -> rng.normal(DType.FLOAT64, 0, 1, t.shapeRef()));
        double[] hv = Autodiff.hvp(f, p, v).flatten().toDoubleArray();
        Function<Params, Params> grad = Autodiff.grad(f);
        double[] gp = grad.apply(p.addScaled(v, eps)).flatten().toDoubleArray();
        double[] gm = grad.apply(p.addScaled(v, -eps)).flatten().toDoubleArray();
        for (int i = 0; i < hv.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * eps);
            if (Math.abs(fd - hv[i]) > tol * (1 + Math.abs(fd))) {
                fail(name + ": (Hv)_" + i + " autodiff " + hv[i] + " vs finite difference of the gradient " + fd);
            }
        }
    }
}
