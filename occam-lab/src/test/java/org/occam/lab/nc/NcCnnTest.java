package org.occam.lab.nc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.collapse.Embeddings;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.measure.GeometricComplexity;
import org.occam.nn.Sequential;
import org.occam.regularize.GeometricComplexityPenalty;
import org.occam.tensor.DType;
import org.occam.tensor.Recording;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** NC-1's CNN setting: the model spec, the embedding GC and its penalty on a CNN, the MNIST data, a tiny run. */
class NcCnnTest {

    @Test
    void trunkPlusClassesGivesAnEmbeddingNetworkReluAndALinearHead() {
        Sequential m = NcModel.parse("cnn:1x28x28:2-4:4+5");
        assertEquals(3, m.layers().size(), "trunk, ReLU, classifier");
        assertEquals(2, Embeddings.penultimate(m), "the embedding is ReLU(trunk(x))");
        Params p = m.init(Rng.seed(0), DType.FLOAT32);
        Tensor x = Rng.seed(1).uniform(DType.FLOAT32, 0, 1, 3, 1, 28, 28);
        Tensor z = Recording.noGrad(() -> m.applyPrefix(p, x, 2));
        assertArrayEquals(new int[] {3, 4}, z.shape());
        for (double v : z.toDoubleArray()) {
            assertTrue(v >= 0, "after the ReLU");
        }
        assertArrayEquals(new int[] {3, 5}, Recording.noGrad(() -> m.apply(p, x)).shape());
        assertEquals(m.layers().size(), NcModel.parse("mlp:64-8-5:tanh").layers().size(), "a plain spec parses as Models does");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NcModel.parse("cnn:1x28x28:4-8:8+x"));
        assertTrue(e.getMessage().startsWith("--model 'cnn:1x28x28:4-8:8+x': the part after '+'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NcModel.parse("cnn:1x28x28:4-8:8+1"), "one class");
    }

    /** A float64 CNN with a 3-dimensional embedding on 6x6 images (tanh trunk, so only the head's ReLU and the pool have kinks). */
    private static final String TINY = "cnn:1x6x6:2:3:tanh+2";

    /** The first initialization (seeds 0, 1, ...) whose embedding of x has most entries past the head's ReLU kink. */
    private static Params live(Sequential m, Tensor x) {
        for (int seed = 0; ; seed++) {
            Params p = m.init(Rng.seed(seed), DType.FLOAT64);
            double[] z = Recording.noGrad(() -> m.applyPrefix(p, x, Embeddings.penultimate(m))).toDoubleArray();
            if (Arrays.stream(z).filter(v -> v > 1e-3).count() * 2 > z.length) {
                return p;
            }
        }
    }

    @Test
    void embeddingGcOnTheCnnEqualsFiniteDifferenceJacobians() {
        Sequential m = NcModel.parse(TINY);
        Tensor x = Rng.seed(4).normal(DType.FLOAT64, 0, 1, 3, 1, 6, 6);
        Params p = live(m, x);
        int l = Embeddings.penultimate(m);
        double sum = 0;
        double h = 1e-6;
        double[] xs = x.toDoubleArray();
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j < 36; j++) {
                double[] plus = xs.clone();
                double[] minus = xs.clone();
                plus[i * 36 + j] += h;
                minus[i * 36 + j] -= h;
                double[] zp = Recording.noGrad(() -> m.applyPrefix(p, Tensor.of(DType.FLOAT64, plus, 3, 1, 6, 6), l)).toDoubleArray();
                double[] zm = Recording.noGrad(() -> m.applyPrefix(p, Tensor.of(DType.FLOAT64, minus, 3, 1, 6, 6), l)).toDoubleArray();
                for (int k = 0; k < 3; k++) {
                    double d = (zp[i * 3 + k] - zm[i * 3 + k]) / (2 * h);
                    sum += d * d;
                }
            }
        }
        double gc = GeometricComplexity.exactLayer(m, p, x, l).item();
        assertTrue(gc > 0, "GC " + gc + ", by differences " + sum / 3);
        assertEquals(sum / 3, gc, 1e-6 * (1 + gc), "(1/B) Σ_b ‖∂f(x_b)/∂x_b‖²_F by central differences in the input");
    }

    @Test
    void embeddingGcPenaltyGradientOnTheCnnMatchesFiniteDifferences() {
        Sequential m = NcModel.parse(TINY);
        Tensor x = Rng.seed(6).normal(DType.FLOAT64, 0, 1, 4, 1, 6, 6);
        Params p = live(m, x);
        Batch b = Dataset.of("tiny", x, new int[] {0, 1, 1, 0}, 2).all();
        Objective ce = Objective.crossEntropy(m);
        Objective pen = GeometricComplexityPenalty.onLayer(ce, m, Embeddings.penultimate(m), 0.7);
        double gc = GeometricComplexity.exactLayer(m, p, x, Embeddings.penultimate(m)).item();
        assertTrue(gc > 0, "the GC term is live");
        assertEquals(ce.loss(p, b).item() + 0.7 * gc, pen.loss(p, b).item(), 1e-12);
        double[] analytic = Autodiff.grad((Params q) -> pen.loss(q, b)).apply(p).flatten().toDoubleArray();
        double[] theta = p.flatten().toDoubleArray();
        double[] numeric = new double[theta.length];
        for (int i = 0; i < theta.length; i++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[i] += 1e-5;
            minus[i] -= 1e-5;
            double fp = pen.loss(p.unflatten(Tensor.of(DType.FLOAT64, plus, plus.length)), b).item();
            double fm = pen.loss(p.unflatten(Tensor.of(DType.FLOAT64, minus, minus.length)), b).item();
            numeric[i] = (fp - fm) / 2e-5;
        }
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < analytic.length; i++) {
            diff = Math.max(diff, Math.abs(analytic[i] - numeric[i]));
            scale = Math.max(scale, Math.abs(numeric[i]));
        }
        assertTrue(scale > 0 && diff / (1 + scale) < 1e-7, "double backprop through the CNN's embedding GC: relative error "
                + diff / (1 + scale));
    }

    @Test
    void mnistSettingUsesNchwImagesOfTheSourceAndTargetClasses() {
        NcData d = NcData.of(NcSweep.Settings.mnistQuick());
        assertArrayEquals(new int[] {1, 28, 28}, d.source().sampleShape());
        assertEquals(479 + 563 + 488 + 493 + 535, d.source().size(), "classes 0-4 of the 5,000 embedded training images");
        assertEquals(980 + 1135 + 1032 + 1010 + 982, d.sourceTest().size(), "classes 0-4 of the 10,000 test images");
        assertEquals(892 + 958 + 1028 + 974 + 1009, d.target().size(), "classes 5-9 of the 10,000 test images");
        assertEquals(5, d.target().numClasses());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NcSweep.Settings.of("cifar", false));
        assertEquals("--data: unknown data set 'cifar' (allowed: digits, mnist)", e.getMessage());
    }

    @Test
    void tinyCnnRunOnMnistMeasuresEveryConfiguration() {
        NcSweep.Settings q = NcSweep.Settings.mnistQuick();
        NcSweep.Settings s = new NcSweep.Settings(q.data(), q.model(), q.sourceClasses(), q.targetClasses(), q.baseLr(),
                q.baseBatch(), new double[0], new int[0], new double[0], q.gcCoefs(), 0, 1, q.shots(), q.episodes(), 0, 0);
        NcSweep.Result r = NcSweep.run(s, x -> { });
        assertEquals(List.of("base", "GC"), r.runs().stream().map(run -> run.config().factor()).toList(),
                "the base run and the GC-penalty run (the CLI test runs every line)");
        for (NcSweep.Run run : r.runs()) {
            assertTrue(!run.diverged() && run.epochs() == 1, run.toString());
            assertEquals(4, run.stats().source().dim(), "the CNN's 4-dimensional embedding");
            assertTrue(run.sourceGc() > 0 && run.targetCdnv() > 0, run.toString());
            assertTrue(run.testAccuracy() > 0.2, "one epoch beats chance (0.2): " + run);
            assertTrue(run.fewShot() > 0.2 && run.fewShot() <= 1, "above chance for 5 new classes: " + run.fewShot());
        }
        assertEquals(1e-3, r.runs().get(1).config().gc());
        assertTrue(r.runs().get(0).sourceGc() != r.runs().get(1).sourceGc(), "the penalty changes the trained embedding");
    }
}
