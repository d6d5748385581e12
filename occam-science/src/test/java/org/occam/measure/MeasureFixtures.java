package org.occam.measure;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.nn.Activation;
import org.occam.nn.Losses;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Small float64 problems with known or brute-force spectra for the measure tests. */
final class MeasureFixtures {
    static final DType F64 = DType.FLOAT64;

    private MeasureFixtures() {
    }

    /** A classification problem: model, parameters, inputs, labels and the mean cross-entropy. */
    record Problem(Sequential model, Params p, Tensor x, int[] y, Function<Params, Tensor> loss) {
    }

    /**
     * A 3-8-3 tanh MLP (59 parameters) on 20 Gaussian points with random labels, parameters
     * scaled up from the default init so the Hessian has clearly negative directions.
     */
    static Problem mlp(long seed) {
        Rng rng = Rng.seed(seed);
        Sequential model = Models.mlp(Activation.TANH, 3, 8, 3);
        Params p = model.init(rng, F64).scale(2.0);
        Tensor x = rng.normal(F64, 0, 1, 20, 3);
        int[] y = rng.ints(20, 3);
        return new Problem(model, p, x, y, q -> Losses.crossEntropy(model.apply(q, x), y));
    }

    /** A random orthogonal matrix (Gram-Schmidt on a Gaussian matrix, twice). */
    static double[][] orthogonal(Rng rng, int n) {
        double[][] q = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = rng.normal(F64, 0, 1, n).toDoubleArray();
            for (int pass = 0; pass < 2; pass++) {
                for (int j = 0; j < i; j++) {
                    Vectors.axpy(-Vectors.dot(q[j], v), q[j], v);
                }
            }
            Vectors.normalize(v);
            q[i] = v;
        }
        return q;
    }

    /** Qᵀ diag(spectrum) Q for a random orthogonal Q: a symmetric matrix with exactly that spectrum. */
    static double[][] symmetricWithSpectrum(Rng rng, double[] spectrum) {
        int n = spectrum.length;
        double[][] q = orthogonal(rng, n);
        double[][] a = new double[n][n];
        for (int k = 0; k < n; k++) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    a[i][j] += spectrum[k] * q[k][i] * q[k][j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                a[i][j] = a[j][i];
            }
        }
        return a;
    }

    /** E(x) = ½ xᵀ A x + cᵀx (Hessian exactly A), with the parameter "x" at a random point. */
    static Function<Params, Tensor> quadratic(double[][] a, Rng rng) {
        int n = a.length;
        double[] flat = new double[n * n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(a[i], 0, flat, i * n, n);
        }
        Tensor m = Tensor.of(flat, n, n);
        Tensor c = rng.normal(F64, 0, 1, n);
        return p -> {
            Tensor x = p.get("x");
            return m.matmul(x).dot(x).mul(0.5).add(c.dot(x));
        };
    }

    static Params point(Rng rng, int n) {
        return Params.of("x", rng.normal(F64, 0, 1, n));
    }

    /** The spectrum sorted descending. */
    static double[] descending(double[] s) {
        double[] d = s.clone();
        java.util.Arrays.sort(d);
        for (int i = 0; i < d.length / 2; i++) {
            double t = d[i];
            d[i] = d[d.length - 1 - i];
            d[d.length - 1 - i] = t;
        }
        return d;
    }

    static double relErr(double expected, double got) {
        return Math.abs(got - expected) / Math.abs(expected);
    }

    static double trace(double[][] a) {
        double t = 0;
        for (int i = 0; i < a.length; i++) {
            t += a[i][i];
        }
        return t;
    }
}
