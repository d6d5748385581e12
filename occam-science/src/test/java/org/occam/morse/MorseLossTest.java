package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The Morse loss (METHODS §8): its value against hand formulas and its gradient against central differences (float64). */
class MorseLossTest {
    static final Model PHI = Models.mlp(Activation.TANH, 2, 5, 3);
    static final Tensor X = Rng.seed(1).normal(DType.FLOAT64, 0, 1, 7, 2);
    static final Tensor U = Rng.seed(2).uniform(DType.FLOAT64, -3, 3, 9, 2);
    static final int[] Y = {0, 2, 1, 1, 0, 2, 2};

    static Params params() {
        return PHI.init(Rng.seed(4), DType.FLOAT64).map(t -> t.mul(2.0));
    }

    @Test
    void gradientMatchesCentralDifferences() {
        Params p = params();
        for (MorseKernel k : new MorseKernel[] {new MorseKernel.Gaussian(1.3), new MorseKernel.Cauchy(0.8)}) {
            MorseLoss unsup = new MorseLoss(MorseNetwork.unsupervised(PHI, k, new double[] {0.3, -0.2, 0.5}), 2.5);
            MorseFixtures.assertGradientMatches("unsupervised " + k.describe(), q -> unsup.value(q, X, null, U), p, 1e-5, 1e-8);
            MorseLoss sup = new MorseLoss(MorseNetwork.supervised(PHI, k, 3, 1.5), 0.7);
            MorseFixtures.assertGradientMatches("supervised " + k.describe(), q -> sup.value(q, X, Y, U), p, 1e-5, 1e-8);
        }
    }

    /** With the Gaussian kernel the data term is Deep SVDD, (λ²/2)·mean‖φ(x) − T‖²; the reference term is w·mean K. */
    @Test
    void valueMatchesHandFormulas() {
        Params p = params();
        double lambda = 1.3;
        double w = 2.5;
        double[] t = {0.3, -0.2, 0.5};
        MorseLoss loss = new MorseLoss(MorseNetwork.unsupervised(PHI, new MorseKernel.Gaussian(lambda), t), w);
        double[] fx = PHI.apply(p, X).toDoubleArray();
        double[] fu = PHI.apply(p, U).toDoubleArray();
        double svdd = 0;
        for (int i = 0; i < 7; i++) {
            svdd += sq(fx, i, t);
        }
        svdd *= lambda * lambda / 2 / 7;
        double ref = 0;
        for (int i = 0; i < 9; i++) {
            ref += Math.exp(-lambda * lambda / 2 * sq(fu, i, t));
        }
        ref *= w / 9;
        MorseLoss.Terms terms = loss.terms(p, X, null, U);
        assertEquals(svdd, terms.data(), 1e-13);
        assertEquals(ref, terms.reference(), 1e-13);
        assertEquals(svdd + ref, loss.value(p, X, null, U).item(), 1e-13);

        // supervised Cauchy: data term −log K at each row's own target, reference term averaged over all targets
        double s = 1.5;
        MorseLoss sup = new MorseLoss(MorseNetwork.supervised(PHI, new MorseKernel.Cauchy(0.8), 3, s), 0.7);
        double a = 0.8 * 0.8 / 2;
        double data = 0;
        for (int i = 0; i < 7; i++) {
            data += Math.log1p(a * sq(fx, i, oneHot(Y[i], s)));
        }
        double r = 0;
        for (int i = 0; i < 9; i++) {
            for (int c = 0; c < 3; c++) {
                r += 1 / (1 + a * sq(fu, i, oneHot(c, s)));
            }
        }
        MorseLoss.Terms st = sup.terms(p, X, Y, U);
        assertEquals(data / 7, st.data(), 1e-13);
        assertEquals(0.7 * r / 27, st.reference(), 1e-13);
    }

    @Test
    void lebesgueWeightIsVolumeTimesClasses() {
        UniformBox box = new UniformBox(new double[] {-1, 0}, new double[] {2, 0.5});
        MorseNetwork net = MorseNetwork.supervised(PHI, new MorseKernel.Gaussian(1), 3, 1);
        assertEquals(1.5 * 3, MorseLoss.lebesgue(net, box).referenceWeight(), 1e-12);
        assertEquals(1.0, MorseLoss.relative(net).referenceWeight());
        UniformBox huge = new UniformBox(new double[400], filled(400, 1e3));
        assertThrows(IllegalArgumentException.class, () -> MorseLoss.lebesgue(net, huge));
        assertThrows(IllegalArgumentException.class, () -> MorseLoss.lebesgue(net,
                DiagonalGaussian.around(U, 1)));
        MorseLoss sup = MorseLoss.relative(net);
        assertThrows(IllegalArgumentException.class, () -> sup.value(params(), X, null, U), "supervised needs labels");
    }

    private static double sq(double[] rows, int i, double[] t) {
        double s = 0;
        for (int j = 0; j < t.length; j++) {
            double d = rows[i * t.length + j] - t[j];
            s += d * d;
        }
        return s;
    }

    private static double[] oneHot(int c, double s) {
        double[] t = new double[3];
        t[c] = s;
        return t;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}
