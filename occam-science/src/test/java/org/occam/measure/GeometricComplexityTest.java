package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Geometric complexity (METHODS §7) against per-example dense Jacobians and closed forms. */
class GeometricComplexityTest {
    private static final DType F64 = DType.FLOAT64;

    /** (1/B) Σ_b ‖∂f(x_b)/∂x_b‖²_F from one dense Jacobian per example. */
    private static double bruteForce(Function<Tensor, Tensor> f, Tensor x) {
        int b = x.size(0);
        int[] sample = java.util.Arrays.copyOfRange(x.shape(), 1, x.rank());
        int[] one = new int[x.rank()];
        one[0] = 1;
        System.arraycopy(sample, 0, one, 1, sample.length);
        double s = 0;
        for (int i = 0; i < b; i++) {
            Tensor xi = x.slice(0, i, i + 1).reshape(sample);
            Tensor j = Autodiff.jacobian(z -> f.apply(z.reshape(one)).flatten(), xi);
            s += j.square().sum().item();
        }
        return s / b;
    }

    @Test
    void exactMatchesPerExampleJacobians() {
        Rng rng = Rng.seed(1);
        Sequential model = Models.mlp(Activation.TANH, 4, 6, 5, 3);
        Params p = model.init(rng, F64).scale(1.5);
        Tensor x = rng.normal(F64, 0, 1, 9, 4);
        double expected = bruteForce(z -> model.apply(p, z), x);
        assertEquals(expected, GeometricComplexity.exact(model, p, x).item(), 1e-12 * expected);
        assertEquals(expected, GeometricComplexity.exactPerOutput(z -> model.apply(p, z), x).item(), 1e-12 * expected);
        // an intermediate layer: the output of Linear, Tanh, Linear (5 features)
        double layer = bruteForce(z -> model.applyPrefix(p, z, 3), x);
        assertEquals(layer, GeometricComplexity.exactLayer(model, p, x, 3).item(), 1e-12 * layer);
        assertTrue(Math.abs(layer - expected) > 1e-3 * expected, "layer and logits GC differ");
    }

    /**
     * A narrow first layer (20 → 3, with 2 outputs × 15 examples) takes the Gram form of
     * InputJacobian; it equals the dense Jacobians, the generic function path, and its
     * parameter gradient matches a central difference.
     */
    @Test
    void exactThroughGramFormOfFirstLayer() {
        Rng rng = Rng.seed(6);
        Sequential model = Models.mlp(Activation.TANH, 20, 3, 4, 2);
        Params p = model.init(rng, F64).scale(1.5);
        Tensor x = rng.normal(F64, 0, 1, 15, 20);
        double expected = bruteForce(z -> model.apply(p, z), x);
        assertEquals(expected, GeometricComplexity.exact(model, p, x).item(), 1e-12 * expected);
        assertEquals(expected, GeometricComplexity.exact(z -> model.apply(p, z), x).item(), 1e-12 * expected);
        Function<Params, Tensor> gc = q -> GeometricComplexity.exact(model, q, x);
        Params g = Autodiff.grad(gc).apply(p);
        Params v = p.map(t -> rng.normal(F64, 0, 1, t.shape()));
        double eps = 1e-5;
        double fd = (gc.apply(p.addScaled(v, eps)).item() - gc.apply(p.addScaled(v, -eps)).item()) / (2 * eps);
        double ad = g.dot(v).item();
        assertTrue(Math.abs(ad) > 1e-3, "nonzero directional derivative");
        assertEquals(fd, ad, 1e-7 * Math.abs(ad));
    }

    /** Inputs of rank 3 take the per-output path. */
    @Test
    void exactOnImageShapedInputs() {
        Rng rng = Rng.seed(2);
        Tensor w = rng.normal(F64, 0, 1, 6, 4);
        Function<Tensor, Tensor> f = z -> z.reshape(z.size(0), 6).matmul(w).tanh();
        Tensor x = rng.normal(F64, 0, 1, 5, 2, 3);
        double expected = bruteForce(f, x);
        assertEquals(expected, GeometricComplexity.exact(f, x).item(), 1e-12 * expected);
    }

    /** For f = Wx + b the input Jacobian is W at every point: GC = ‖W‖²_F (METHODS §7.2). */
    @Test
    void linearModelGcIsFrobeniusNormOfWeights() {
        Rng rng = Rng.seed(3);
        Sequential model = Models.mlp(Activation.TANH, 7, 4);
        Params p = model.init(rng, F64);
        Tensor x = rng.normal(F64, 0, 3, 13, 7);
        double w2 = p.get("0.weight").square().sum().item();
        assertEquals(w2, GeometricComplexity.exact(model, p, x).item(), 1e-13 * w2);
    }

    /** GC is differentiable in the parameters: its gradient matches a central difference. */
    @Test
    void exactIsDifferentiableInParameters() {
        Rng rng = Rng.seed(4);
        Sequential model = Models.mlp(Activation.TANH, 3, 5, 2);
        Params p = model.init(rng, F64);
        Tensor x = rng.normal(F64, 0, 1, 6, 3);
        Function<Params, Tensor> gc = q -> GeometricComplexity.exact(model, q, x);
        Params g = Autodiff.grad(gc).apply(p);
        Params v = p.map(t -> rng.normal(F64, 0, 1, t.shape()));
        double eps = 1e-5;
        double fd = (gc.apply(p.addScaled(v, eps)).item() - gc.apply(p.addScaled(v, -eps)).item()) / (2 * eps);
        double ad = g.dot(v).item();
        assertTrue(Math.abs(ad) > 1e-3, "nonzero directional derivative");
        assertEquals(fd, ad, 1e-7 * Math.abs(ad));
    }

    /** Hutchinson GC is unbiased and its standard error is honest. */
    @Test
    void hutchinsonIsUnbiased() {
        Rng rng = Rng.seed(5);
        Sequential model = Models.mlp(Activation.TANH, 4, 8, 3);
        Params p = model.init(rng, F64).scale(2);
        Tensor x = rng.normal(F64, 0, 1, 6, 4);
        double exact = GeometricComplexity.exact(model, p, x).item();
        int runs = 200;
        double[] means = new double[runs];
        double sumVar = 0;
        for (int s = 0; s < runs; s++) {
            Estimate e = GeometricComplexity.hutchinson(model, p, x, 4, Rng.seed(100 + s));
            assertEquals(4, e.cost());
            means[s] = e.mean();
            sumVar += e.stderr() * e.stderr();
        }
        Estimate overall = Estimate.of(means, 0);
        assertTrue(Math.abs(overall.mean() - exact) <= 4 * overall.stderr(),
                overall.mean() + " vs exact " + exact + " se " + overall.stderr());
        double ratio = overall.stderr() * Math.sqrt(runs) / Math.sqrt(sumVar / runs);
        assertTrue(ratio > 0.8 && ratio < 1.25, "empirical/reported sd ratio " + ratio);
        assertTrue(overall.stderr() * Math.sqrt(runs) > 1e-3 * exact, "the estimator varies");
    }

    @Test
    void arcLengthOfStraightLine() {
        double c = -2.5;
        double a = -1.3;
        double b = 2.1;
        double len = GeometricComplexity.arcLength(z -> z.mul(c).add(0.7), a, b, 17);
        assertEquals((b - a) * Math.sqrt(1 + c * c), len, 1e-13);
        // a linear 1-D model y = w x + b from the nn package
        Sequential model = Models.mlp(Activation.TANH, 1, 1);
        Params p = model.init(Rng.seed(1), F64);
        double w = p.get("0.weight").item();
        assertEquals((b - a) * Math.sqrt(1 + w * w), GeometricComplexity.arcLength(model, p, a, b, 5), 1e-13);
    }

    /** A curve: the arc length of sin on [0, π] with autodiff f' matches a fine quadrature of √(1+cos²). */
    @Test
    void arcLengthOfSine() {
        double len = GeometricComplexity.arcLength(Tensor::sin, 0, Math.PI, 2001);
        int n = 200000;
        double h = Math.PI / n;
        double ref = 0;
        for (int i = 0; i < n; i++) {
            double t = (i + 0.5) * h;
            ref += Math.sqrt(1 + Math.cos(t) * Math.cos(t)) * h;
        }
        assertEquals(3.820197789027712, ref, 1e-9);
        assertEquals(ref, len, 1e-6);
        assertThrows(IllegalArgumentException.class, () -> GeometricComplexity.arcLength(z -> z.sum(), 0, 1, 10));
    }
}
