package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.data.Synthetic;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.optim.Adam;
import org.occam.optim.Schedule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * METHODS §11 MORSE-1 at a small size: two moons, φ: R² → R¹ (tanh MLP), Gaussian kernel, uniform box
 * 1.5× the data extent, Lebesgue weight. In: held-out moons; out: box points more than 0.5 from the data.
 */
class Morse1Test {
    static final Dataset TRAIN = unlabelled(Synthetic.twoMoons(300, 0.1, Rng.seed(1)));
    static final Dataset TEST = Synthetic.twoMoons(200, 0.1, Rng.seed(2));

    static Dataset unlabelled(Dataset d) {
        return Dataset.of(d.name(), d.x(), null, 0);
    }

    /** Box points at least {@code gap} from every training point. */
    static Tensor farPoints(UniformBox box, int n, double gap, long seed) {
        double[] data = TRAIN.x().toDoubleArray();
        Rng rng = Rng.seed(seed);
        double[] out = new double[2 * n];
        int k = 0;
        while (k < n) {
            double[] p = box.sample(rng, 1, DType.FLOAT64).toDoubleArray();
            if (nearest(p[0], p[1], data) > gap) {
                out[2 * k] = p[0];
                out[2 * k + 1] = p[1];
                k++;
            }
        }
        return Tensor.of(out, n, 2);
    }

    static double nearest(double x, double y, double[] data) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < data.length / 2; i++) {
            best = Math.min(best, Math.hypot(x - data[2 * i], y - data[2 * i + 1]));
        }
        return best;
    }

    static double meanNearest(Tensor pts, double[] data) {
        double[] v = pts.toDoubleArray();
        double s = 0;
        for (int i = 0; i < pts.size(0); i++) {
            s += nearest(v[2 * i], v[2 * i + 1], data);
        }
        return s / pts.size(0);
    }

    @Test
    void unsupervisedDensitySeparatesFarPointsAndTheSamplerLandsOnTheMoons() {
        Sequential phi = Models.parse("mlp:2-32-32-1:tanh");
        MorseNetwork net = MorseNetwork.unsupervised(phi, new MorseKernel.Gaussian(1), 1);
        UniformBox box = UniformBox.around(TRAIN.x(), 1.5);
        MorseLoss loss = MorseLoss.lebesgue(net, box);
        Params init = phi.init(Rng.seed(0), DType.FLOAT64);
        MorseFit.Result fit = MorseFit.fit(loss, box, init, TRAIN, Adam.standard(),
                new MorseFit.Spec(128, 256, 600, Schedule.constant(0.01), 0, 100), null);
        Params p = fit.params();
        Tensor far = farPoints(box, 300, 0.5, 3);
        double[] in = OodScores.fromLogDensity(net.logDensityValues(p, TEST.x(), 512), OodScores.Kind.NEG_LOG_DENSITY);
        double[] out = OodScores.fromLogDensity(net.logDensityValues(p, far, 512), OodScores.Kind.NEG_LOG_DENSITY);
        OodMetrics m = OodMetrics.evaluate(in, out);
        assertTrue(m.auroc() > 0.95, "MORSE-1 AUROC " + m.describe());
        double mIn = mean(net.densityValues(p, TEST.x(), 512));
        double mOut = mean(net.densityValues(p, far, 512));
        assertTrue(mIn > 20 * mOut, "M on the data " + mIn + " vs far away " + mOut);

        double[] data = TRAIN.x().toDoubleArray();
        Tensor start = box.sample(Rng.seed(5), 100, DType.FLOAT64);
        Tensor end = MorseSampler.run(net, p, start, 0.01, 300, 0.1, 0, null, null);
        double before = meanNearest(start, data);
        double after = meanNearest(end, data);
        assertTrue(after < 0.15 && after < before / 2, "sampler distance to the data: " + before + " → " + after);
    }

    /** The supervised variant: accurate, and the Morse-tempered confidence falls to 1/C far from the data. */
    @Test
    void supervisedClassifierIsAccurateAndTemperedConfidenceIsUniformFarAway() {
        Dataset train = Synthetic.twoMoons(300, 0.1, Rng.seed(1));
        Sequential phi = Models.parse("mlp:2-32-32-2:tanh");
        MorseNetwork net = MorseNetwork.supervised(phi, new MorseKernel.Gaussian(1), 2, 1);
        UniformBox box = UniformBox.around(train.x(), 1.5);
        MorseFit.Result fit = MorseFit.fit(MorseLoss.lebesgue(net, box), box, phi.init(Rng.seed(0), DType.FLOAT64), train,
                Adam.standard(), new MorseFit.Spec(128, 256, 600, Schedule.constant(0.01), 0, 100), null);
        Params p = fit.params();
        double acc = Losses.accuracy(net.classProbabilities(p, TEST.x()), TEST.y());
        assertTrue(acc > 0.9, "supervised Morse accuracy " + acc);
        double[] ring = new double[400];
        for (int i = 0; i < 200; i++) {
            double a = 2 * Math.PI * i / 200;
            ring[2 * i] = 0.5 + 5 * Math.cos(a);
            ring[2 * i + 1] = 0.25 + 5 * Math.sin(a);
        }
        Tensor far = Tensor.of(ring, 200, 2);
        Tensor tempered = MorseTemperature.inverseDensity().probabilities(net.logKernels(p, far), net.logDensityValues(p, far, 512));
        double conf = 1 - mean(OodScores.oneMinusMax(tempered));
        assertTrue(Math.abs(conf - 0.5) < 0.02, "tempered confidence far away " + conf);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
