package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** GroupNorm against its definition and finite differences; Dropout's modes and seeding; AdaptiveAvgPool2d. */
class NormAndDropoutTest {
    private static final DType F64 = DType.FLOAT64;

    @Test
    void groupNormNormalisesEachGroupOfEachSample() {
        Rng rng = Rng.seed(1);
        Sequential m = Sequential.of(new GroupNorm(2, 4));
        Params p = Params.of("0.weight", Tensor.of(new double[] {1, 2, 3, 4}, 4), "0.bias", Tensor.of(new double[] {0, 1, 0, -1}, 4));
        Tensor x = rng.normal(F64, 1, 3, 2, 4, 3, 3);
        double[] y = m.apply(p, x).toDoubleArray();
        double[] v = x.toDoubleArray();
        for (int n = 0; n < 2; n++) {
            for (int g = 0; g < 2; g++) {
                int from = (n * 4 + 2 * g) * 9;
                double[] part = Arrays.copyOfRange(v, from, from + 18);
                double mean = Arrays.stream(part).average().orElseThrow();
                double var = Arrays.stream(part).map(a -> (a - mean) * (a - mean)).average().orElseThrow();
                for (int i = 0; i < 18; i++) {
                    int c = 2 * g + i / 9;
                    double want = (part[i] - mean) / Math.sqrt(var + 1e-5) * (c + 1) + (c == 1 ? 1 : c == 3 ? -1 : 0);
                    assertEquals(want, y[from + i], 1e-12);
                }
            }
        }
        Tensor w = rng.normal(F64, 0, 1, 2, 4, 3, 3);
        Params withX = m.init(rng, F64).map(t -> t.add(rng.normal(F64, 0, 0.3, t.shapeRef()))).with("__x", x);
        Function<Params, Tensor> f = q -> m.apply(q, q.get("__x")).tanh().mul(w).sum();
        FiniteDifferenceChecks.gradient("groupnorm", f, withX, 1e-6);
        FiniteDifferenceChecks.hvp("groupnorm", f, withX, 1e-5, 3);
    }

    @Test
    void dropoutIsSeededInTrainModeAndOffInEvalMode() {
        Sequential m = Sequential.of(new Dropout(0.25));
        Params p = m.init(Rng.seed(0), F64);
        ModelState none = ModelState.empty();
        Tensor x = Tensor.ones(F64, 400, 10);
        assertArrayEquals(x.toDoubleArray(), m.forward(p, none, x, Mode.EVAL, 7).output().toDoubleArray(), 0);
        double[] a = m.forward(p, none, x, Mode.TRAIN, 7).output().toDoubleArray();
        double[] b = m.forward(p, none, x, Mode.TRAIN, 7).output().toDoubleArray();
        double[] c = m.forward(p, none, x, Mode.TRAIN, 8).output().toDoubleArray();
        assertArrayEquals(a, b, 0, "same key, same mask");
        assertFalse(Arrays.equals(a, c), "another key, another mask");
        long zeros = Arrays.stream(a).filter(v -> v == 0).count();
        assertTrue(Arrays.stream(a).allMatch(v -> v == 0 || Math.abs(v - 1 / 0.75) < 1e-15), "kept values scaled by 1/(1-p)");
        // 4000 Bernoulli(0.25) draws: mean 1000, sd ~27
        assertTrue(Math.abs(zeros - 1000) < 5 * 27.4, zeros + " zeros");
    }

    @Test
    void adaptiveAveragePoolingAveragesWindows() {
        Tensor x = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}, 1, 1, 4, 4);
        Tensor global = new AdaptiveAvgPool2d(1).apply(n -> null, x);
        assertArrayEquals(new int[] {1, 1, 1, 1}, global.shape());
        assertEquals(8.5, global.item(), 1e-15);
        assertArrayEquals(new double[] {3.5, 5.5, 11.5, 13.5}, new AdaptiveAvgPool2d(2).apply(n -> null, x).toDoubleArray(), 1e-15);
    }
}
