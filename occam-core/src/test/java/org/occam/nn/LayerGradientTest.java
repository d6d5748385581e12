package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Every layer's parameter and input gradients against central finite differences in float64. */
class LayerGradientTest {
    private static final DType F64 = DType.FLOAT64;

    private static void check(String name, Model model, int[] inputShape, Function<Tensor, Tensor> head) {
        Rng rng = Rng.seed(name.hashCode());
        Params p = model.init(rng, F64).map(t -> t.add(rng.normal(F64, 0, 0.1, t.shapeRef())));
        Tensor x = rng.normal(F64, 0, 1, inputShape);
        Tensor w = rng.normal(F64, 0, 1, Recording.noGrad(() -> head.apply(model.apply(p, x))).shapeRef());
        Params withX = p.with("__x", x);
        Function<Params, Tensor> g = q -> head.apply(model.apply(q, q.get("__x"))).mul(w).sum();
        Params grad = Autodiff.grad(g).apply(withX);
        double eps = 1e-6;
        Tensor flat = withX.flatten();
        double[] gv = grad.flatten().toDoubleArray();
        int m = flat.numel();
        int stride = Math.max(1, m / 150); // a spread of coordinates keeps large layers fast
        for (int i = 0; i < m; i += stride) {
            double[] e = new double[m];
            e[i] = eps;
            Params plus = withX.unflatten(flat.add(Tensor.of(e, m)));
            Params minus = withX.unflatten(flat.sub(Tensor.of(e, m)));
            double fd = (g.apply(plus).item() - g.apply(minus).item()) / (2 * eps);
            if (Math.abs(fd - gv[i]) > 1e-6 * (1 + Math.abs(fd))) {
                fail(name + ": coordinate " + i + " autodiff " + gv[i] + " vs finite difference " + fd);
            }
        }
    }

    @Test
    void linearAndSmoothActivations() {
        for (Activation a : List.of(Activation.TANH, Activation.GELU, Activation.SOFTPLUS, Activation.SIGMOID, Activation.IDENTITY)) {
            check("mlp " + a, Models.mlp(a, 3, 5, 4, 2), new int[] {6, 3}, t -> t);
        }
        check("mlp nobias", Models.mlp(Activation.TANH, false, 3, 5, 2), new int[] {4, 3}, t -> t);
    }

    @Test
    void convPoolFlatten() {
        check("cnn", Models.cnn(2, 8, 8, new int[] {3}, 4, Activation.TANH), new int[] {2, 2, 8, 8}, t -> t);
        check("avgpool", Sequential.of(new Conv2d(1, 2, 3, 2, 1, false), new Pool2d(false, 2, 2, 0), new Flatten()),
                new int[] {2, 1, 7, 7}, t -> t);
    }

    @Test
    void residualAndLayerNorm() {
        check("resnet", Sequential.of(new Conv2d(1, 3, 3, 1, 1, true), Activation.TANH,
                new Residual(Sequential.of(new Conv2d(3, 3, 3, 1, 1, true), Activation.TANH, new Conv2d(3, 3, 3, 1, 1, true)),
                        Activation.SOFTPLUS), new Pool2d(false, 5, 5, 0), new Flatten(), new Linear(3, 2, true)),
                new int[] {2, 1, 5, 5}, t -> t);
        check("layernorm", Sequential.of(new Linear(4, 6, true), new LayerNorm(6), Activation.TANH), new int[] {3, 4}, t -> t);
    }

    @Test
    void lossesDifferentiate() {
        int[] y = {0, 2, 1, 2};
        check("cross entropy", Models.mlp(Activation.TANH, 3, 5, 3), new int[] {4, 3}, t -> Losses.crossEntropy(t, y));
        int[] yb = {0, 1, 1, 0};
        check("logistic", Models.mlp(Activation.TANH, 3, 5, 1), new int[] {4, 3}, t -> Losses.binaryLogistic(t, yb));
        check("exponential", Models.mlp(Activation.TANH, 3, 5, 1), new int[] {4, 3}, t -> Losses.exponential(t, yb));
        check("mse", Models.mlp(Activation.TANH, 3, 5, 2), new int[] {4, 3},
                t -> Losses.mse(t, Tensor.of(new double[] {1, 0, 0, 1, 1, 1, 0, 0}, 4, 2)));
    }

    @Test
    void mlpNamesAndShapesFollowPyTorch() {
        Sequential m = Models.parse("mlp:784-512-512-10:tanh");
        Params p = m.init(Rng.seed(0), DType.FLOAT32);
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"), p.names());
        assertArrayEquals(new int[] {512, 784}, p.get("0.weight").shape());
        double bound = 1 / Math.sqrt(784);
        for (double v : p.get("0.weight").toDoubleArray()) {
            assertTrue(Math.abs(v) <= bound, "torch default init bound");
        }
        assertEquals(List.of("0.weight", "2.weight"), Models.parse("mlp:3-4-2:relu:nobias").init(Rng.seed(0), DType.FLOAT32).names());
        assertTrue(m.describe().startsWith("Sequential(Linear(784, 512), Tanh(), Linear(512, 512)"));
    }

    @Test
    void badSpecsExplainTheGrammar() {
        String msg = assertThrows(IllegalArgumentException.class, () -> Models.parse("mlp:784-x-10:tanh")).getMessage();
        assertTrue(msg.contains("mlp:784-512-512-10:tanh"), msg);
        String act = assertThrows(IllegalArgumentException.class, () -> Models.parse("mlp:4-2:swish")).getMessage();
        assertTrue(act.contains("swish") && act.contains("relu, tanh"), act);
        String shape = assertThrows(IllegalArgumentException.class,
                () -> Models.mlp(Activation.TANH, 3, 2).apply(Models.mlp(Activation.TANH, 3, 2).init(Rng.seed(0), F64),
                        Tensor.zeros(F64, 4, 5))).getMessage();
        assertTrue(shape.contains("[4, 5]"), shape);
    }

    @Test
    void marginsAndAccuracy() {
        Tensor logits = Tensor.of(new double[] {2, 1, 0, 0, 3, 1}, 2, 3);
        assertArrayEquals(new double[] {1, 2}, Losses.margins(logits, new int[] {0, 1}).toDoubleArray(), 0.0);
        assertArrayEquals(new double[] {-2, -3}, Losses.margins(logits, new int[] {2, 0}).toDoubleArray(), 0.0);
        assertEquals(0.5, Losses.accuracy(logits, new int[] {0, 2}), 0.0);
    }

    @Test
    void oneLogitAccuracyThresholdsAtZero() {
        Tensor logits = Tensor.of(new double[] {1.5, -0.5, 0.0, -2}, 4, 1);
        // positive logit predicts class 1; zero and negative predict class 0
        assertEquals(1.0, Losses.accuracy(logits, new int[] {1, 0, 0, 0}), 0.0);
        assertEquals(0.25, Losses.accuracy(logits, new int[] {1, 1, 1, 1}), 0.0);
    }
}
