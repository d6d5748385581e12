package org.occam.autodiff;

import org.occam.tensor.Recording;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.function.Function;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Central finite-difference checks of gradients and Hessian-vector products in float64. */
final class GradCheck {
    private GradCheck() {
    }

    static final double EPS = 1e-5;

    /** f(p) evaluated as a double, without recording. */
    static double value(Function<Params, Tensor> f, Params p) {
        return Recording.noGrad(() -> f.apply(p)).item();
    }

    /** Central difference of f along direction v at p. */
    static double directional(Function<Params, Tensor> f, Params p, Params v, double eps) {
        return (value(f, p.addScaled(v, eps)) - value(f, p.addScaled(v, -eps))) / (2 * eps);
    }

    /** A random direction shaped like p. */
    static Params randomLike(Params p, Rng rng) {
        return p.map(t -> rng.normal(DType.FLOAT64, 0, 1, t.shapeRef()));
    }

    /**
     * Checks ∇f against central differences along every coordinate (small trees) and along random
     * directions. Tolerance: tol·(1 + |fd|).
     */
    static void checkGrad(String name, Function<Params, Tensor> f, Params p, double tol) {
        Params g = Autodiff.grad(f).apply(p);
        Tensor flatP = p.flatten();
        double[] gv = g.flatten().toDoubleArray();
        int m = flatP.numel();
        for (int i = 0; i < m; i++) {
            double[] e = new double[m];
            e[i] = 1;
            Params dir = p.unflatten(Tensor.of(e, m));
            double fd = directional(f, p, dir, EPS);
            if (Math.abs(fd - gv[i]) > tol * (1 + Math.abs(fd))) {
                fail(name + ": d/dθ_" + i + " autodiff " + gv[i] + " vs finite difference " + fd);
            }
        }
    }

    /** Checks H v against the central difference of the gradient along v, for random v. */
    static void checkHvp(String name, Function<Params, Tensor> f, Params p, double tol, long seed) {
        Rng rng = Rng.seed(seed);
        Params v = randomLike(p, rng);
        double[] hv = Autodiff.hvp(f, p, v).flatten().toDoubleArray();
        Function<Params, Params> grad = Autodiff.grad(f);
        double[] gp = grad.apply(p.addScaled(v, EPS)).flatten().toDoubleArray();
        double[] gm = grad.apply(p.addScaled(v, -EPS)).flatten().toDoubleArray();
        for (int i = 0; i < hv.length; i++) {
            double fd = (gp[i] - gm[i]) / (2 * EPS);
            if (Math.abs(fd - hv[i]) > tol * (1 + Math.abs(fd))) {
                fail(name + ": (Hv)_" + i + " autodiff " + hv[i] + " vs finite difference of grad " + fd);
            }
        }
    }

    static void assertClose(double expected, double actual, double tol, String what) {
        assertEquals(expected, actual, tol * (1 + Math.abs(expected)), what);
    }
}
