package org.occam.ntk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.nn.Models;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Monitor;
import org.occam.train.Objective;

/** The empirical NTK against J Jᵀ from {@link Autodiff#jacobian} and from central finite differences, on a tiny net. */
class EmpiricalNtkTest {
    static final Sequential NET = Models.parse("mlp:3-5-2:tanh");
    static final Params P = NET.init(Rng.seed(0), DType.FLOAT64);
    static final Tensor X = Tensor.of(new double[] {0.3, -1.2, 0.8, 1.1, 0.4, -0.5, -0.7, 0.9, 0.2, 0.05, -0.3, 1.4}, 4, 3);

    static double[][] rows(Tensor t) {
        int m = t.size(0);
        int n = t.size(1);
        double[] d = t.contiguous().toDoubleArray();
        double[][] out = new double[m][n];
        for (int i = 0; i < m; i++) {
            System.arraycopy(d, i * n, out[i], 0, n);
        }
        return out;
    }

    @Test
    void kernelIsJJtFromTheJacobianTransform() {
        double[][] k = EmpiricalNtk.kernel(NET, P, X);
        Function<Tensor, Tensor> f = vec -> NET.apply(P.unflatten(vec), X).flatten();
        Tensor j = Autodiff.jacobian(f, P.flatten());
        double[][] jjt = rows(j.matmul(j.t()));
        assertEquals(8, k.length);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                assertEquals(jjt[a][b], k[a][b], 1e-12 * (1 + Math.abs(jjt[a][b])), "entry " + a + "," + b);
                assertEquals(k[b][a], k[a][b], 0);
            }
        }
    }

    @Test
    void kernelMatchesFiniteDifferenceJacobian() {
        double[] theta = P.flatten().toDoubleArray();
        int np = theta.length;
        double[][] jfd = new double[8][np];
        double e = 1e-6;
        for (int j = 0; j < np; j++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[j] += e;
            minus[j] -= e;
            double[] fp = NET.apply(P.unflatten(Tensor.of(plus, np)), X).flatten().toDoubleArray();
            double[] fm = NET.apply(P.unflatten(Tensor.of(minus, np)), X).flatten().toDoubleArray();
            for (int r = 0; r < 8; r++) {
                jfd[r][j] = (fp[r] - fm[r]) / (2 * e);
            }
        }
        double[][] fd = EmpiricalNtk.gram(jfd);
        double[][] k = EmpiricalNtk.kernel(NET, P, X);
        for (int a = 0; a < 8; a++) {
            for (int b = 0; b < 8; b++) {
                assertEquals(fd[a][b], k[a][b], 1e-7 * (1 + Math.abs(fd[a][b])));
            }
        }
    }

    @Test
    void traceKernelAndSpectrum() {
        double[][] k = EmpiricalNtk.kernel(NET, P, X);
        double[][] t = EmpiricalNtk.traceKernel(k, 2);
        assertEquals(4, t.length);
        assertEquals(k[2 * 1][2 * 3] + k[2 * 1 + 1][2 * 3 + 1], t[1][3], 1e-15);
        double[] all = EmpiricalNtk.topEigenvalues(t, 10);
        assertEquals(4, all.length);
        double sum = 0;
        for (double v : all) {
            sum += v;
            assertTrue(v > -1e-12, "the NTK is positive semi-definite");
        }
        assertEquals(EmpiricalNtk.trace(t), sum, 1e-10);
        assertEquals(EmpiricalNtk.trace(k), EmpiricalNtk.trace(t), 1e-12);
        // λ₁ ≥ the Rayleigh quotient of any vector, and is attained by power iteration
        double[] v = {1, 1, 1, 1};
        double lambda = 0;
        for (int it = 0; it < 2000; it++) {
            double[] u = new double[4];
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    u[a] += t[a][b] * v[b];
                }
            }
            lambda = Math.sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2] + u[3] * u[3]);
            for (int a = 0; a < 4; a++) {
                v[a] = u[a] / lambda;
            }
        }
        assertEquals(lambda, all[0], 1e-9 * lambda);
    }

    @Test
    void monitorMeasuresDistanceFromTheReference() {
        Dataset d = Dataset.regression("tiny", X, Tensor.of(new double[8], 4, 2));
        NtkMonitor m = new NtkMonitor(1, 4, 2, null);
        Objective obj = Objective.parse("mse", NET);
        Map<String, Double> first = m.measure(new Monitor.Context(0, P, NET, obj, d, 0.1));
        assertEquals(0, first.get("ntk_distance"), 0);
        assertEquals(0, first.get("ntk_reference_step"), 0);
        Params moved = P.map(t -> t.mul(1.1));
        Map<String, Double> later = m.measure(new Monitor.Context(5, moved, NET, obj, d, 0.1));
        // the subset of all 4 rows is a permutation of X: distances and traces do not depend on the order
        double expected = EmpiricalNtk.relativeDistance(EmpiricalNtk.kernel(NET, moved, X), EmpiricalNtk.kernel(NET, P, X));
        assertEquals(expected, later.get("ntk_distance"), 1e-12);
        assertEquals(EmpiricalNtk.trace(EmpiricalNtk.kernel(NET, moved, X)), later.get("ntk_trace"), 1e-10);
        assertTrue(later.containsKey("ntk_top_2"));
    }
}
