package org.occam.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * BatchNorm1d/2d against PyTorch's definition written out with loops: batch statistics and the
 * running-buffer update in TRAIN mode, the buffers in EVAL mode, and first and second derivatives
 * against finite differences in both modes (TRAIN includes the coupling through the batch mean
 * and variance).
 */
class BatchNormTest {
    private static final DType F64 = DType.FLOAT64;

    /** A BN net with non-trivial affine parameters: conv, BN2d, tanh, flatten, linear, BN1d. */
    private static Sequential net() {
        return Sequential.of(new Conv2d(2, 3, 3, 1, 1, true), BatchNorm.d2(3), Activation.TANH, new Flatten(),
                new Linear(3 * 3 * 3, 4, true), BatchNorm.d1(4));
    }

    private static Params perturbed(Model m, Rng rng) {
        return m.init(rng, F64).map(t -> t.add(rng.normal(F64, 0, 0.3, t.shapeRef())));
    }

    /** Per-channel mean and biased variance of x [N, C, ...] by loops. */
    private static double[][] stats(Tensor x) {
        int n = x.size(0);
        int c = x.size(1);
        int inner = x.numel() / (n * c);
        double[] v = x.contiguous().toDoubleArray();
        double[][] out = new double[2][c];
        for (int ch = 0; ch < c; ch++) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < inner; j++) {
                    s += v[(i * c + ch) * inner + j];
                }
            }
            double mean = s / (n * inner);
            double q = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < inner; j++) {
                    double d = v[(i * c + ch) * inner + j] - mean;
                    q += d * d;
                }
            }
            out[0][ch] = mean;
            out[1][ch] = q / (n * inner);
        }
        return out;
    }

    @Test
    void trainModeNormalisesWithBatchStatisticsAndUpdatesBuffersAsPyTorch() {
        Rng rng = Rng.seed(1);
        BatchNorm bn = BatchNorm.d2(3);
        Sequential m = Sequential.of(bn);
        Params p = Params.of("0.weight", Tensor.of(new double[] {1.5, -0.5, 2}, 3), "0.bias", Tensor.of(new double[] {0.1, 0, -1}, 3));
        ModelState s = m.initState(F64);
        int count = 5 * 2 * 3; // N·H·W per channel
        double[] rm = {0, 0, 0};
        double[] rv = {1, 1, 1};
        for (int step = 1; step <= 3; step++) {
            Tensor x = rng.normal(F64, step, 2, 5, 3, 2, 3);
            Model.Output o = m.forward(p, s, x, Mode.TRAIN);
            double[][] st = stats(x);
            double[] xv = x.toDoubleArray();
            double[] yv = o.output().toDoubleArray();
            for (int i = 0; i < xv.length; i++) {
                int ch = (i / 6) % 3;
                double want = (xv[i] - st[0][ch]) / Math.sqrt(st[1][ch] + 1e-5) * p.get("0.weight").get(ch) + p.get("0.bias").get(ch);
                assertEquals(want, yv[i], 1e-12, "y[" + i + "] at step " + step);
            }
            for (int ch = 0; ch < 3; ch++) {
                rm[ch] = 0.9 * rm[ch] + 0.1 * st[0][ch];
                rv[ch] = 0.9 * rv[ch] + 0.1 * st[1][ch] * count / (count - 1); // unbiased in the update
                assertEquals(rm[ch], o.state().get("0.running_mean").get(ch), 1e-12);
                assertEquals(rv[ch], o.state().get("0.running_var").get(ch), 1e-12);
            }
            assertEquals(step, o.state().get("0.num_batches_tracked").item());
            assertEquals(0, o.state().get("0.num_batches_tracked").rank());
            s = o.state();
        }
    }

    @Test
    void evalModeUsesTheBuffersAndLeavesThemUnchanged() {
        Rng rng = Rng.seed(2);
        Sequential m = Sequential.of(BatchNorm.d1(2));
        Params p = Params.of("0.weight", Tensor.of(new double[] {2, 3}, 2), "0.bias", Tensor.of(new double[] {-1, 1}, 2));
        ModelState s = ModelState.of(java.util.Map.of("0.running_mean", Tensor.of(new double[] {0.5, -2}, 2),
                "0.running_var", Tensor.of(new double[] {4, 0.25}, 2), "0.num_batches_tracked", Tensor.scalar(7, F64)));
        Tensor x = rng.normal(F64, 0, 1, 4, 2);
        Model.Output o = m.forward(p, s, x, Mode.EVAL);
        for (int i = 0; i < 4; i++) {
            assertEquals((x.get(i, 0) - 0.5) / Math.sqrt(4 + 1e-5) * 2 - 1, o.output().get(i, 0), 1e-12);
            assertEquals((x.get(i, 1) + 2) / Math.sqrt(0.25 + 1e-5) * 3 + 1, o.output().get(i, 1), 1e-12);
        }
        for (String name : s.names()) {
            assertEquals(s.get(name), o.state().get(name), name + " unchanged by an eval pass");
        }
        // the switch: the same input in train mode uses the batch (per-feature mean 0 afterwards, before the affine map)
        Tensor t = m.forward(p, s, x, Mode.TRAIN).output();
        assertEquals(-1, t.mean(0).get(0), 1e-12);
        assertEquals(1, t.mean(0).get(1), 1e-12);
        assertNotEquals(o.output().get(0, 0), t.get(0, 0));
    }

    @Test
    void statefulLayersOutsideAFrameSayHowToCallThem() {
        Sequential m = Sequential.of(BatchNorm.d1(2));
        Params p = m.init(Rng.seed(0), F64);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.apply(p, Tensor.zeros(F64, 3, 2)));
        assertTrue(e.getMessage().contains("model.bind(state, mode)"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> m.forward(p, m.initState(F64), Tensor.zeros(F64, 1, 2), Mode.TRAIN),
                "one value per channel cannot be normalised in train mode, as in PyTorch");
    }

    @Test
    void firstAndSecondDerivativesMatchFiniteDifferencesInBothModes() {
        Rng rng = Rng.seed(3);
        Sequential m = net();
        Params p = perturbed(m, rng);
        Tensor x = rng.normal(F64, 0, 1, 5, 2, 3, 3);
        // non-trivial buffers: two train passes on other batches
        ModelState s = m.initState(F64);
        for (int i = 0; i < 2; i++) {
            s = m.forward(p, s, rng.normal(F64, 0.5, 2, 5, 2, 3, 3), Mode.TRAIN).state();
        }
        Tensor w = rng.normal(F64, 0, 1, 5, 4);
        for (Mode mode : Mode.values()) {
            Model bound = m.bind(s, mode);
            Function<Params, Tensor> f = q -> bound.apply(q, q.get("__x")).tanh().mul(w).sum();
            Params withX = p.with("__x", x);
            FiniteDifferenceChecks.gradient("bn net " + mode, f, withX, 1e-6);
            FiniteDifferenceChecks.hvp("bn net " + mode, f, withX, 1e-5, 11);
        }
    }

    @Test
    void trainModeCouplesTheSamplesOfABatch() {
        Rng rng = Rng.seed(4);
        Sequential m = Sequential.of(BatchNorm.d1(3));
        Params p = perturbed(m, rng);
        Tensor x = rng.normal(F64, 0, 1, 4, 3);
        ModelState s = m.initState(F64);
        // d y[0] / d x[1] is zero in eval mode and non-zero in train mode
        for (Mode mode : Mode.values()) {
            Tensor j = org.occam.autodiff.Autodiff.jacobian(z -> m.forward(p, s, z, mode).output(), x);
            double cross = Math.abs(j.get(0, 0, 1, 0));
            assertTrue(mode == Mode.TRAIN ? cross > 1e-3 : cross == 0, mode + ": dy00/dx10 = " + cross);
        }
    }
}
