package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** The Morse kernel axioms (METHODS §8): K = 1 exactly and only at z = T, K ∈ (0, 1], Hessian −λ² I there. */
class MorseKernelTest {
    static final List<MorseKernel> KERNELS = List.of(new MorseKernel.Gaussian(0.7), new MorseKernel.Gaussian(2.0),
            new MorseKernel.Cauchy(1.3), new MorseKernel.Cauchy(0.4));

    @Test
    void equalsOneExactlyAtTheTargetAndBelowOneElsewhere() {
        Rng rng = Rng.seed(3);
        for (MorseKernel k : KERNELS) {
            double[] t = rng.normal(DType.FLOAT64, 0, 2, 4).toDoubleArray();
            assertEquals(1.0, k.value(t, t), 0.0, k.describe() + ": K(T, T)");
            for (DType dt : DType.values()) {
                Tensor tt = Tensor.of(dt, t, 1, 4);
                Tensor lk = k.logKernel(tt, tt);
                assertEquals(1.0, lk.exp().item(), 0.0, k.describe() + " " + dt + ": K(T, T) through the tensor path");
            }
            for (double eps : new double[] {1e-3, 0.1, 1, 30}) {
                double[] z = t.clone();
                z[1] += eps;
                double v = k.value(z, t);
                double log = k.logFromSquaredDistance(eps * eps);
                assertTrue(v < 1 && v >= 0, k.describe() + ": K at distance " + eps + " = " + v);
                assertTrue(log < 0 && Double.isFinite(log), k.describe() + ": log K at distance " + eps + " = " + log
                        + " (K > 0 even where exp underflows)");
            }
            // monotone in the distance
            double[] z1 = t.clone();
            double[] z2 = t.clone();
            z1[0] += 0.5;
            z2[0] += 1.0;
            assertTrue(k.value(z2, t) < k.value(z1, t), k.describe() + ": K decreases with distance");
        }
    }

    @Test
    void batchedKernelMatchesScalarFormulas() {
        Rng rng = Rng.seed(8);
        Tensor z = rng.normal(DType.FLOAT64, 0, 1, 5, 3);
        Tensor t = rng.normal(DType.FLOAT64, 0, 1, 4, 3);
        double[] zv = z.toDoubleArray();
        double[] tv = t.toDoubleArray();
        for (MorseKernel k : KERNELS) {
            double[] lk = k.logKernel(z, t).toDoubleArray();
            double l2 = k.lambda() * k.lambda();
            for (int b = 0; b < 5; b++) {
                for (int c = 0; c < 4; c++) {
                    double r2 = 0;
                    for (int j = 0; j < 3; j++) {
                        double d = zv[b * 3 + j] - tv[c * 3 + j];
                        r2 += d * d;
                    }
                    double expected = k instanceof MorseKernel.Gaussian ? Math.exp(-l2 / 2 * r2) : 1 / (1 + l2 / 2 * r2);
                    assertEquals(expected, Math.exp(lk[b * 4 + c]), 1e-14, k.describe() + " at (" + b + ", " + c + ")");
                }
            }
        }
    }

    /** Second central differences of K(·, T) at T, and autodiff's Hessian, against −λ² I; determinant ≠ 0. */
    @Test
    void hessianAtTheModeIsNonDegenerateAndMatchesFiniteDifferences() {
        Rng rng = Rng.seed(11);
        int k = 3;
        for (MorseKernel kern : KERNELS) {
            double[] t = rng.normal(DType.FLOAT64, 0, 1, k).toDoubleArray();
            double h = 1e-4;
            double[][] fd = new double[k][k];
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    fd[i][j] = (kern.value(shift(t, i, h, j, h), t) - kern.value(shift(t, i, h, j, -h), t)
                            - kern.value(shift(t, i, -h, j, h), t) + kern.value(shift(t, i, -h, j, -h), t)) / (4 * h * h);
                }
            }
            Tensor target = Tensor.of(t, 1, k);
            Function<Tensor, Tensor> kz = z -> kern.logKernel(z.reshape(1, k), target).exp().sum();
            double[] ad = Autodiff.jacobian(Autodiff.gradTensor(kz), Tensor.of(t, k)).toDoubleArray();
            double c = kern.hessianAtMode();
            assertEquals(-kern.lambda() * kern.lambda(), c, 1e-15);
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < k; j++) {
                    double expected = i == j ? c : 0;
                    assertEquals(expected, fd[i][j], 1e-5 * (1 + Math.abs(c)), kern.describe() + ": FD Hessian[" + i + "][" + j + "]");
                    assertEquals(expected, ad[i * k + j], 1e-12, kern.describe() + ": autodiff Hessian[" + i + "][" + j + "]");
                }
            }
            assertTrue(Math.abs(det3(fd)) > 0.5 * Math.pow(Math.abs(c), 3), kern.describe() + ": Hessian is non-degenerate");
            // negative definite: the mode is a strict local maximum
            for (int i = 0; i < k; i++) {
                assertTrue(fd[i][i] < 0, kern.describe() + ": Hessian diagonal " + fd[i][i]);
            }
        }
    }

    @Test
    void parseAndDescribe() {
        assertInstanceOf(MorseKernel.Gaussian.class, MorseKernel.parse("gaussian"));
        assertEquals(1.0, MorseKernel.parse("gaussian").lambda());
        assertEquals(new MorseKernel.Cauchy(0.5), MorseKernel.parse("lorentzian:0.5"));
        for (MorseKernel k : KERNELS) {
            assertEquals(k, MorseKernel.parse(k.describe()));
        }
        assertThrows(IllegalArgumentException.class, () -> MorseKernel.parse("laplace:1"));
        assertThrows(IllegalArgumentException.class, () -> MorseKernel.parse("gaussian:x"));
        assertThrows(IllegalArgumentException.class, () -> new MorseKernel.Gaussian(0));
    }

    private static double[] shift(double[] t, int i, double a, int j, double b) {
        double[] z = t.clone();
        z[i] += a;
        z[j] += b;
        return z;
    }

    private static double det3(double[][] m) {
        return m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1]) - m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
                + m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
    }
}
