package org.occam.autodiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Ops;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The transforms: closed forms, consistency between them, and higher orders. */
class TransformTest {
    private static final DType F64 = DType.FLOAT64;

    /** f(x) = ½ xᵀAx + bᵀx with symmetric A: ∇f = Ax + b and H = A exactly. */
    @Test
    void hessianOfQuadraticIsTheMatrix() {
        Rng rng = Rng.seed(1);
        int n = 6;
        Tensor m = rng.normal(F64, 0, 1, n, n);
        Tensor a = m.add(m.t()).mul(0.5);
        Tensor b = rng.normal(F64, 0, 1, n);
        Function<Params, Tensor> f = p -> {
            Tensor x = p.get("x");
            return a.matmul(x).dot(x).mul(0.5).add(b.dot(x));
        };
        Params p = Params.of("x", rng.normal(F64, 0, 1, n));
        Tensor h = Autodiff.hessian(f, p);
        assertArrayEquals(new int[] {n, n}, h.shape());
        assertArrayEquals(a.toDoubleArray(), h.toDoubleArray(), 1e-12);
        Params g = Autodiff.grad(f).apply(p);
        assertArrayEquals(a.matmul(p.get("x")).add(b).toDoubleArray(), g.get("x").toDoubleArray(), 1e-12);
    }

    /** Logistic regression: H = Xᵀ diag(σ(1−σ)) X / n, symmetric; hvp equals H·v. */
    @Test
    void logisticRegressionHessianMatchesClosedFormAndHvp() {
        Rng rng = Rng.seed(2);
        int n = 20;
        int d = 5;
        Tensor x = rng.normal(F64, 0, 1, n, d);
        Tensor y = rng.bernoulli(F64, 0.5, n);
        Function<Params, Tensor> loss = p -> {
            Tensor z = x.matmul(p.get("w"));
            // mean of softplus(z) − y·z, the logistic loss from logits
            return z.softplus().sub(y.mul(z)).mean();
        };
        Params p = Params.of("w", rng.normal(F64, 0, 0.5, d));
        Tensor h = Autodiff.hessian(loss, p);
        double[] z = x.matmul(p.get("w")).toDoubleArray();
        double[] xs = x.toDoubleArray();
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double acc = 0;
                for (int k = 0; k < n; k++) {
                    double s = 1 / (1 + Math.exp(-z[k]));
                    acc += xs[k * d + i] * xs[k * d + j] * s * (1 - s);
                }
                assertEquals(acc / n, h.get(i, j), 1e-13, "H[" + i + "," + j + "]");
                assertEquals(h.get(j, i), h.get(i, j), 1e-15, "symmetry up to roundoff");
            }
        }
        Params v = Params.of("w", rng.normal(F64, 0, 1, d));
        double[] hv = Autodiff.hvp(loss, p, v).get("w").toDoubleArray();
        assertArrayEquals(h.matmul(v.get("w")).toDoubleArray(), hv, 1e-14);
    }

    /** A small MLP loss: hvp equals the dense Hessian times v, and the Hessian is symmetric. */
    @Test
    void hvpEqualsHessianTimesVectorOnAnMlp() {
        Rng rng = Rng.seed(3);
        Tensor x = rng.normal(F64, 0, 1, 7, 3);
        int[] labels = rng.ints(7, 4);
        Tensor onehot = Ops.oneHot(labels, 4, F64);
        Function<Params, Tensor> loss = p -> {
            Tensor hdn = x.matmul(p.get("w1").t()).add(p.get("b1")).tanh();
            Tensor logits = hdn.matmul(p.get("w2").t()).add(p.get("b2"));
            return logits.logSoftmax(1).mul(onehot).sum(1).mean().neg();
        };
        Params p = Params.of("w1", rng.normal(F64, 0, 1, 5, 3), "b1", rng.normal(F64, 0, 1, 5),
                "w2", rng.normal(F64, 0, 1, 4, 5), "b2", rng.normal(F64, 0, 1, 4));
        Tensor h = Autodiff.hessian(loss, p);
        int m = p.numel();
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < i; j++) {
                assertEquals(h.get(i, j), h.get(j, i), 1e-12 * (1 + Math.abs(h.get(i, j))));
            }
        }
        Params v = GradCheck.randomLike(p, rng);
        double[] hv = Autodiff.hvp(loss, p, v).flatten().toDoubleArray();
        assertArrayEquals(h.matmul(v.flatten()).toDoubleArray(), hv, 1e-12);
        GradCheck.checkGrad("mlp", loss, p, 1e-7);
        GradCheck.checkHvp("mlp", loss, p, 1e-6, 11);
    }

    /** Third order: ∇_p (vᵀH(p)v)·u against the central difference of H(p)v along u. */
    @Test
    void thirdDerivativeOfCompositeMatchesFiniteDifferences() {
        Rng rng = Rng.seed(4);
        Tensor x = rng.normal(F64, 0, 1, 6, 3);
        Function<Params, Tensor> f = p -> x.matmul(p.get("w")).tanh().mul(p.get("c")).sin().sum()
                .add(p.get("c").exp().sum().log());
        Params p = Params.of("w", rng.normal(F64, 0, 1, 3, 4), "c", rng.normal(F64, 0, 1, 4));
        Params v = GradCheck.randomLike(p, rng);
        Params u = GradCheck.randomLike(p, rng);
        Params third = Autodiff.grad(q -> Autodiff.hvp(f, q, v).dot(v)).apply(p);
        double ad = third.dot(u).item();
        double eps = 1e-5;
        double fd = (Autodiff.hvp(f, p.addScaled(u, eps), v).dot(v).item()
                - Autodiff.hvp(f, p.addScaled(u, -eps), v).dot(v).item()) / (2 * eps);
        assertEquals(fd, ad, 1e-6 * (1 + Math.abs(fd)));
        assertTrue(Math.abs(ad) > 1e-3, "third derivative should be non-trivial, got " + ad);
    }

    /** jvp agrees with the vjp transposed: uᵀ(J v) = (Jᵀu)ᵀ v, and with finite differences. */
    @Test
    void jvpMatchesFiniteDifferencesAndVjp() {
        Rng rng = Rng.seed(5);
        Function<Params, Tensor> f = p -> p.get("a").matmul(p.get("b")).tanh().exp();
        Params p = Params.of("a", rng.normal(F64, 0, 1, 3, 4), "b", rng.normal(F64, 0, 1, 4, 2));
        Params v = GradCheck.randomLike(p, rng);
        Autodiff.Jvp j = Autodiff.jvp(f, p, v);
        double eps = 1e-6;
        Tensor fp = f.apply(p.addScaled(v, eps));
        Tensor fm = f.apply(p.addScaled(v, -eps));
        double[] fd = fp.sub(fm).div(2 * eps).toDoubleArray();
        assertArrayEquals(fd, j.tangent().toDoubleArray(), 1e-7);
        Tensor u = rng.normal(F64, 0, 1, 3, 2);
        Params vjp = Autodiff.vjp(f, p).pullback().apply(u);
        assertEquals(u.dot(j.tangent()).item(), vjp.dot(v).item(), 1e-12);
    }

    /** The input Jacobian of a tensor function against finite differences, column by column. */
    @Test
    void jacobianMatchesFiniteDifferences() {
        Rng rng = Rng.seed(6);
        Tensor w = rng.normal(F64, 0, 1, 4, 3);
        Function<Tensor, Tensor> f = x -> w.matmul(x).tanh();
        Tensor x0 = rng.normal(F64, 0, 1, 3);
        Tensor jac = Autodiff.jacobian(f, x0);
        assertArrayEquals(new int[] {4, 3}, jac.shape());
        for (int k = 0; k < 3; k++) {
            double[] e = new double[3];
            e[k] = 1e-6;
            Tensor de = Tensor.of(e, 3);
            double[] col = f.apply(x0.add(de)).sub(f.apply(x0.sub(de))).div(2e-6).toDoubleArray();
            for (int i = 0; i < 4; i++) {
                assertEquals(col[i], jac.get(i, k), 1e-8);
            }
        }
    }

    /** d/dx [x · d/dy (x + y)] = 1: inner and outer perturbations must not be confused. */
    @Test
    void nestedTransformsDoNotConfusePerturbations() {
        Function<Tensor, Tensor> outer = x -> x.mul(Autodiff.gradTensor(y -> x.add(y).sum()).apply(Tensor.scalar(3, F64)));
        assertEquals(1.0, Autodiff.gradTensor(outer).apply(Tensor.scalar(2, F64)).item(), 0.0);
        // d/dx [ d/dy (x·y) at y=c ] = d/dx x = 1, with x closed over by the inner function
        Function<Tensor, Tensor> closed = x -> Autodiff.gradTensor(y -> x.mul(y)).apply(Tensor.scalar(5, F64));
        assertEquals(1.0, Autodiff.gradTensor(closed).apply(Tensor.scalar(2, F64)).item(), 0.0);
    }

    /** Transforms have no hidden state: the same call twice gives identical bits, and top-level results are constants. */
    @Test
    void repeatedCallsAreIdenticalAndResultsAreConstants() {
        Rng rng = Rng.seed(7);
        Params p = Params.of("w", rng.normal(F64, 0, 1, 4, 4));
        Function<Params, Tensor> f = q -> q.get("w").matmul(q.get("w")).tanh().sum();
        Params g1 = Autodiff.grad(f).apply(p);
        Params g2 = Autodiff.grad(f).apply(p);
        assertArrayEquals(g1.get("w").toDoubleArray(), g2.get("w").toDoubleArray(), 0.0);
        assertFalse(g1.get("w").requiresGrad());
        assertFalse(Autodiff.valueAndGrad(f).apply(p).value().requiresGrad());
    }

    /** A function that ignores a parameter gets a zero gradient for it, of the right shape. */
    @Test
    void unusedParametersGetZeroGradients() {
        Params p = Params.of("a", Tensor.of(new double[] {1, 2}, 2), "b", Tensor.zeros(F64, 3, 2));
        Params g = Autodiff.grad(q -> q.get("a").square().sum()).apply(p);
        assertArrayEquals(new double[] {2, 4}, g.get("a").toDoubleArray(), 0.0);
        assertArrayEquals(new double[6], g.get("b").toDoubleArray(), 0.0);
    }

    /** Gradients of float32 functions are float32. */
    @Test
    void gradientsKeepTheDtype() {
        Params p = Params.of("a", Tensor.of(new float[] {1, 2, 3}, 3));
        Params g = Autodiff.grad(q -> q.get("a").tanh().sum()).apply(p);
        assertEquals(DType.FLOAT32, g.get("a").dtype());
        assertEquals(1 - Math.pow(Math.tanh(2), 2), g.get("a").get(1), 1e-6);
    }

    /** Flatten and unflatten are inverse, and differentiable. */
    @Test
    void flattenUnflattenRoundTrip() {
        Rng rng = Rng.seed(8);
        Params p = Params.of("w", rng.normal(F64, 0, 1, 2, 3), "b", rng.normal(F64, 0, 1, 3));
        Tensor flat = p.flatten();
        assertEquals(9, flat.numel());
        Params back = p.unflatten(flat);
        assertArrayEquals(p.get("w").toDoubleArray(), back.get("w").toDoubleArray(), 0.0);
        assertArrayEquals(p.get("b").toDoubleArray(), back.get("b").toDoubleArray(), 0.0);
        Params g = Autodiff.grad(q -> q.flatten().square().sum()).apply(p);
        assertArrayEquals(p.get("w").mul(2).toDoubleArray(), g.get("w").toDoubleArray(), 0.0);
    }
}
