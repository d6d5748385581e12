package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The network's outputs: density in (0, 1], the IsoMax form of the supervised classifier, the temperature, scores. */
class MorseNetworkTest {

    @Test
    void densityIsInUnitIntervalAndOneOnTheModes() {
        Sequential phi = Models.mlp(Activation.TANH, 2, 8, 2);
        Params p = phi.init(Rng.seed(1), DType.FLOAT64);
        MorseNetwork net = MorseNetwork.unsupervised(phi, new MorseKernel.Cauchy(2), 2);
        double[] m = net.densityValues(p, Rng.seed(2).uniform(DType.FLOAT64, -5, 5, 100, 2), 32);
        for (double v : m) {
            assertTrue(v > 0 && v <= 1, "M = " + v);
        }
        MorseNetwork id = MorseNetwork.unsupervised(MorseFixtures.IDENTITY, new MorseKernel.Gaussian(1), new double[] {1, 2});
        assertEquals(1.0, id.densityValues(MorseFixtures.none(), Tensor.of(new double[] {1, 2}, 1, 2), 1)[0], 0.0);
        assertThrows(IllegalArgumentException.class,
                () -> MorseNetwork.unsupervised(phi, new MorseKernel.Gaussian(1), 3).logDensity(p, Tensor.zeros(DType.FLOAT64, 1, 2)),
                "φ with the wrong output dimension");
    }

    /** Gaussian supervised classifier = softmax(−(λ²/2)‖φ(x) − T_y‖²); its density is max_y M(x, y). */
    @Test
    void supervisedClassifierIsTheIsoMaxSoftmax() {
        double lambda = 0.9;
        double s = 2;
        MorseNetwork net = MorseNetwork.supervised(MorseFixtures.IDENTITY, new MorseKernel.Gaussian(lambda), 3, s);
        Tensor x = Rng.seed(3).normal(DType.FLOAT64, 0, 1, 6, 3);
        double[] xv = x.toDoubleArray();
        double[] probs = net.classProbabilities(MorseFixtures.none(), x).toDoubleArray();
        double[] logM = net.logDensityValues(MorseFixtures.none(), x, 4);
        for (int i = 0; i < 6; i++) {
            double[] e = new double[3];
            double z = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < 3; c++) {
                double r2 = 0;
                for (int j = 0; j < 3; j++) {
                    double d = xv[i * 3 + j] - (j == c ? s : 0);
                    r2 += d * d;
                }
                e[c] = Math.exp(-lambda * lambda / 2 * r2);
                z += e[c];
                best = Math.max(best, -lambda * lambda / 2 * r2);
            }
            for (int c = 0; c < 3; c++) {
                assertEquals(e[c] / z, probs[i * 3 + c], 1e-12);
            }
            assertEquals(best, logM[i], 1e-12);
        }
    }

    @Test
    void temperatureLeavesModesAloneAndFlattensFarAway() {
        Tensor logits = Tensor.of(new double[] {4, 0, -1, 2, 2, 9}, 2, 3);
        MorseTemperature t = MorseTemperature.inverseDensity();
        double[] same = t.probabilities(logits, new double[] {0, 0}).toDoubleArray();
        double[] raw = logits.softmax(1).toDoubleArray();
        for (int i = 0; i < 6; i++) {
            assertEquals(raw[i], same[i], 1e-15, "τ = 1 where M = 1");
        }
        assertEquals(Math.E, t.temperature(-1), 1e-15);
        double[] far = t.probabilities(logits, new double[] {-30, -40}).toDoubleArray();
        for (double v : far) {
            assertEquals(1.0 / 3, v, 1e-9, "uniform where M → 0");
        }
        double[] half = new MorseTemperature(2).temper(logits, new double[] {Math.log(0.5), 0}).toDoubleArray();
        assertEquals(1.0, half[0], 1e-12, "α = 2: logits times M² = 1/4");
        assertEquals(9.0, half[5], 1e-12);
    }

    @Test
    void scoresAreDecreasingInTheDensity() {
        double[] logM = {0, -0.5, -3, -800};
        double[] nll = OodScores.fromLogDensity(logM, OodScores.Kind.NEG_LOG_DENSITY);
        double[] one = OodScores.fromLogDensity(logM, OodScores.Kind.ONE_MINUS_DENSITY);
        assertEquals(0.0, nll[0], 0.0);
        assertEquals(800, nll[3], 0.0);
        assertEquals(0.0, one[0], 0.0);
        assertEquals(1 - Math.exp(-0.5), one[1], 1e-15);
        assertEquals(1.0, one[3], 0.0);
        double[] msp = OodScores.maxSoftmax(Tensor.of(new double[] {0, 0, 5, 0}, 2, 2));
        assertEquals(0.5, msp[0], 1e-15);
        assertEquals(1 - 1 / (1 + Math.exp(-5)), msp[1], 1e-12);
        assertEquals(OodScores.Kind.ONE_MINUS_DENSITY, OodScores.Kind.parse("1-m"));
    }

    @Test
    void referenceDistributions() {
        Tensor pts = Tensor.of(new double[] {0, 0, 2, 1, 1, -1}, 3, 2);
        UniformBox box = UniformBox.around(pts, 1.5);
        assertArrayEquals2(new double[] {-0.5, -1.5}, box.lo());
        assertArrayEquals2(new double[] {2.5, 1.5}, box.hi());
        assertEquals(Math.log(3 * 3), box.logVolume(), 1e-12);
        double[] s = box.sample(Rng.seed(1), 500, DType.FLOAT64).toDoubleArray();
        for (int i = 0; i < 500; i++) {
            assertTrue(box.contains(new double[] {s[2 * i], s[2 * i + 1]}));
        }
        assertArrayEquals2(s, box.sample(Rng.seed(1), 500, DType.FLOAT64).toDoubleArray());
        DiagonalGaussian g = DiagonalGaussian.around(pts, 2);
        assertArrayEquals2(new double[] {1, 0}, g.mean());
        assertEquals(2 * Math.sqrt(2.0 / 3), g.scale()[0], 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, g.logVolume());
        assertTrue(ReferenceDistribution.around("gaussian", pts, 1) instanceof DiagonalGaussian);
        assertThrows(IllegalArgumentException.class, () -> ReferenceDistribution.around("sphere", pts, 1));
    }

    private static void assertArrayEquals2(double[] a, double[] b) {
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, b, 1e-12);
    }
}
