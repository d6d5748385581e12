package org.occam.labelnoise;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.nn.Activation;
import org.occam.nn.Forward;
import org.occam.nn.Mode;
import org.occam.nn.Model;
import org.occam.nn.ModelState;
import org.occam.nn.Models;
import org.occam.regularize.Orders;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Label-noise SGD on a tanh MLP 1-4-1 fitting two points by MSE, with the expectation over the
 * Gaussian noise computed by Gauss–Hermite quadrature (exact to rounding here): the one-step loss
 * increase and the two-step mean drift match the tr(HC) formulas at the order claimed
 * (docs/label-noise.md).
 */
class LabelNoiseTest {
    static final Model MLP = Models.mlp(Activation.TANH, 1, 4, 1);
    static final Objective MSE = Objective.mse(MLP);
    static final double SIGMA = 0.5;
    static final double[] LADDER = {0.2, 0.1, 0.05, 0.025};
    static final GaussHermite GH = GaussHermite.of(12);

    static Batch batch() {
        Tensor x = Tensor.of(new double[] {-0.7, 1.1}, 2, 1);
        Tensor y = Tensor.of(new double[] {0.4, -0.3}, 2, 1);
        return Dataset.regression("two points", x, y).all();
    }

    static Params params() {
        return MLP.init(Rng.seed(3), DType.FLOAT64);
    }

    /** θ − η∇E(θ; y + σξ). */
    static Params noisyStep(Params p, Batch b, double[] xi, double lr) {
        Batch shifted = LabelNoise.gaussian(MSE, SIGMA).shifted(b, Tensor.of(xi, 2, 1));
        return p.addScaled(Autodiff.grad((Params q) -> MSE.loss(q, shifted)).apply(p), -lr);
    }

    static Params cleanStep(Params p, Batch b, double lr) {
        return p.addScaled(Autodiff.grad((Params q) -> MSE.loss(q, b)).apply(p), -lr);
    }

    /** E over ξ ∈ R² of f(ξ) by the tensor-product rule. */
    static double expect(Function<double[], Double> f) {
        double s = 0;
        for (int i = 0; i < GH.nodes().length; i++) {
            for (int j = 0; j < GH.nodes().length; j++) {
                s += GH.weights()[i] * GH.weights()[j] * f.apply(new double[] {GH.nodes()[i], GH.nodes()[j]});
            }
        }
        return s;
    }

    static double distance(Params a, Params b) {
        return Math.sqrt(a.sub(b).normSquared().item());
    }

    static String row(String what, double[] h, double[] err) {
        StringBuilder s = new StringBuilder(what).append(":");
        for (int i = 0; i < h.length; i++) {
            s.append(String.format(java.util.Locale.ROOT, "  h=%.4g err=%.3e", h[i], err[i]));
        }
        return s.append(String.format(java.util.Locale.ROOT, "  slope %.3f", Orders.slope(h, err))).toString();
    }

    @Test
    void quadratureIsExactForLowMoments() {
        assertEquals(1, expect(x -> 1.0), 1e-13);
        assertEquals(1, expect(x -> x[0] * x[0]), 1e-12);
        assertEquals(3, expect(x -> Math.pow(x[1], 4)), 1e-11);
        assertEquals(0, expect(x -> x[0] * x[1]), 1e-13);
    }

    @Test
    void oneStepLossIncreaseIsHalfEtaSquaredTraceHC() {
        Batch b = batch();
        Params p = params();
        Function<Params, Tensor> loss = q -> MSE.loss(q, b);
        List<Params> u = LabelNoiseTheory.noiseDirections(MSE, p, b);
        double[] err = new double[LADDER.length];
        double[] predicted = new double[LADDER.length];
        for (int i = 0; i < LADDER.length; i++) {
            double lr = LADDER[i];
            double mean = expect(xi -> loss.apply(noisyStep(p, b, xi, lr)).item());
            double gd = loss.apply(cleanStep(p, b, lr)).item();
            predicted[i] = LabelNoiseTheory.expectedLossIncrease(loss, p, u, SIGMA, lr);
            err[i] = Math.abs(mean - gd - predicted[i]);
        }
        System.out.println(row("label noise: one-step E[loss] - GD vs (eta^2/2) tr(HC)", LADDER, err));
        assertEquals(3, Orders.slope(LADDER, err), 0.25);
        assertTrue(err[3] < predicted[3] / 20, "the formula should carry the effect: error " + err[3] + " vs "
                + predicted[3]);
    }

    @Test
    void twoStepMeanDriftFollowsMinusGradientOfTraceHC() {
        Batch b = batch();
        Params p = params();
        Function<Params, Tensor> loss = q -> MSE.loss(q, b);
        List<Params> u = LabelNoiseTheory.noiseDirections(MSE, p, b);
        double[] err = new double[LADDER.length];
        double[] size = new double[LADDER.length];
        for (int i = 0; i < LADDER.length; i++) {
            double lr = LADDER[i];
            Params gd2 = cleanStep(cleanStep(p, b, lr), b, lr);
            // E[θ₂] over ξ₀; the second step's noise enters linearly and averages out exactly
            double[] mean = new double[p.numel()];
            for (int a = 0; a < GH.nodes().length; a++) {
                for (int c = 0; c < GH.nodes().length; c++) {
                    double w = GH.weights()[a] * GH.weights()[c];
                    double[] t2 = cleanStep(noisyStep(p, b, new double[] {GH.nodes()[a], GH.nodes()[c]}, lr), b, lr)
                            .flatten().toDoubleArray();
                    for (int k = 0; k < mean.length; k++) {
                        mean[k] += w * t2[k];
                    }
                }
            }
            Params drift = p.unflatten(Tensor.of(mean, mean.length)).sub(gd2);
            Params predicted = LabelNoiseTheory.twoStepDrift(loss, p, u, SIGMA, lr);
            err[i] = Math.sqrt(drift.sub(predicted).normSquared().item());
            size[i] = Math.sqrt(predicted.normSquared().item());
        }
        System.out.println(row("label noise: two-step E[theta] - GD vs -(eta^3/2) grad tr(HC)", LADDER, err));
        assertEquals(4, Orders.slope(LADDER, err), 0.3);
        assertTrue(err[3] < size[3] / 10, "the drift formula should carry the effect: " + err[3] + " vs " + size[3]);
    }

    @Test
    void secondStepNoiseIsLinearInXi() {
        Batch b = batch();
        Params p = params();
        Params plus = noisyStep(p, b, new double[] {0.8, -1.3}, 0.1);
        Params minus = noisyStep(p, b, new double[] {-0.8, 1.3}, 0.1);
        assertTrue(distance(plus.add(minus).scale(0.5), cleanStep(p, b, 0.1)) < 1e-14);
    }

    @Test
    void noiseCovarianceIsTwoSigmaSquaredOverBkTimesGaussNewton() {
        // MSE = (1/bk)Σ(f − y)²: u_j = −(2/bk)∇f_j, so C = (4σ²/(bk)²)Σ∇f_j∇f_jᵀ = (2σ²/bk)·G, G = (2/bk)Σ∇f_j∇f_jᵀ
        Batch b = batch();
        Params p = params();
        List<Params> u = LabelNoiseTheory.noiseDirections(MSE, p, b);
        for (int j = 0; j < 2; j++) {
            int row = j;
            Params df = Autodiff.grad((Params q) -> MLP.apply(q, b.x()).slice(0, row, row + 1).sum()).apply(p);
            assertTrue(distance(u.get(j), df.scale(-2.0 / 2)) < 1e-12);
        }
        assertEquals(0.1 * SIGMA * SIGMA / (2.0 * 2 * 1), LabelNoiseTheory.traceCoefficient(0.1, SIGMA, 2, 1), 0);
    }

    @Test
    void drawsAreKeyedByStepAndExampleAndHaveUnitVariance() {
        Dataset data = Dataset.regression("zeros", Tensor.of(new double[400], 400, 1), Tensor.of(new double[800], 400, 2));
        LabelNoise noise = LabelNoise.gaussian(MSE, 2.0);
        Batch all = data.all();
        Batch a = Forward.of(ModelState.empty(), Mode.TRAIN, 7).run(() -> noise.noisy(all, Forward.ambient().rng(LabelNoise.STREAM)));
        Batch again = Forward.of(ModelState.empty(), Mode.TRAIN, 7).run(() -> noise.noisy(all, Forward.ambient().rng(LabelNoise.STREAM)));
        Batch other = Forward.of(ModelState.empty(), Mode.TRAIN, 8).run(() -> noise.noisy(all, Forward.ambient().rng(LabelNoise.STREAM)));
        double[] t = a.targets().toDoubleArray();
        assertTrue(Arrays.equals(t, again.targets().toDoubleArray()));
        assertNotEquals(t[0], other.targets().toDoubleArray()[0]);
        double s = 0;
        double s2 = 0;
        for (double v : t) {
            s += v;
            s2 += v * v;
        }
        double mean = s / t.length;
        double var = s2 / t.length - mean * mean;
        assertEquals(0, mean, 5 * 2.0 / Math.sqrt(t.length));
        assertEquals(4.0, var, 5 * 4.0 * Math.sqrt(2.0 / t.length));
        // a sub-batch of rows 10..19 sees the same noise on those rows (keyed by example, not position)
        Batch part = Forward.of(ModelState.empty(), Mode.TRAIN, 7).run(() -> noise.noisy(data.batch(new int[] {10, 11, 12}),
                Forward.ambient().rng(LabelNoise.STREAM)));
        assertEquals(t[20], part.targets().toDoubleArray()[0], 0);
        assertThrows(IllegalStateException.class, () -> noise.loss(params(), all));
        // in an EVAL frame (the Trainer's monitors) it is the clean loss, as dropout is the identity there
        Batch b = batch();
        assertEquals(MSE.loss(params(), b).item(), Forward.of(ModelState.empty(), Mode.EVAL, 7)
                .run(() -> LabelNoise.gaussian(MSE, 2.0).loss(params(), b)).item(), 0);
    }

    @Test
    void flipsReplaceLabelsWithTheStatedProbability() {
        int n = 4000;
        Dataset data = Dataset.of("labels", Tensor.of(new double[n], n, 1), new int[n], 10);
        LabelNoise flip = LabelNoise.flip(MSE, 0.3, 10);
        Batch out = flip.noisy(data.all(), Rng.seed(1));
        int changed = 0;
        for (int v : out.y()) {
            changed += v != 0 ? 1 : 0;
        }
        double expected = 0.3 * 0.9;
        assertEquals(expected, changed / (double) n, 5 * Math.sqrt(expected * (1 - expected) / n));
    }
}
