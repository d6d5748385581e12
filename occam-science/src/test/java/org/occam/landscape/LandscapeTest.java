package org.occam.landscape;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.measure.SymmetricEigen;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

class LandscapeTest {

    private static Params theta(long seed) {
        Rng r = Rng.seed(seed);
        return Params.of("w", r.split(1).normal(DType.FLOAT64, 0, 1, 3, 4), "b", r.split(2).normal(DType.FLOAT64, 0, 1, 4),
                "conv", r.split(3).normal(DType.FLOAT64, 0, 0.1, 2, 3, 2, 2));
    }

    /** f(θ) = ½ θᵀ A θ with a fixed symmetric A over the flattened parameters. */
    private static double[][] spd(int p, long seed) {
        Rng r = Rng.seed(seed);
        double[][] b = new double[p][p];
        for (double[] row : b) {
            for (int j = 0; j < p; j++) {
                row[j] = r.nextGaussian();
            }
        }
        double[][] a = new double[p][p];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    a[i][j] += b[i][k] * b[j][k];
                }
            }
        }
        return a;
    }

    private static double quad(double[][] a, double[] v) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                s += 0.5 * v[i] * a[i][j] * v[j];
            }
        }
        return s;
    }

    @Test
    void filterNormalizedDirectionHasTheNormOfEveryFilterAndZeroBiases() {
        Params t = theta(1);
        Params d = FilterNormalized.direction(t, Rng.seed(7));
        for (String name : List.of("w", "conv")) {
            double[] tv = t.get(name).toDoubleArray();
            double[] dv = d.get(name).toDoubleArray();
            int filters = t.get(name).shape()[0];
            int size = tv.length / filters;
            for (int f = 0; f < filters; f++) {
                double nt = 0;
                double nd = 0;
                for (int i = f * size; i < (f + 1) * size; i++) {
                    nt += tv[i] * tv[i];
                    nd += dv[i] * dv[i];
                }
                assertEquals(Math.sqrt(nt), Math.sqrt(nd), 1e-9 * Math.sqrt(nt), name + " filter " + f);
            }
        }
        assertArrayEquals(new double[4], d.get("b").toDoubleArray(), 0.0);
        assertArrayEquals(d.get("w").toDoubleArray(), FilterNormalized.direction(t, Rng.seed(7)).get("w").toDoubleArray(), 0.0);
        assertNotEquals(d.get("w").toDoubleArray()[0], FilterNormalized.direction(t, Rng.seed(8)).get("w").toDoubleArray()[0]);
    }

    @Test
    void interpolationMatchesTheClosedFormOfAQuadratic() {
        Params a = theta(1);
        Params b = theta(2);
        double[][] m = spd(a.numel(), 3);
        ToDoubleFunction<Params> f = p -> quad(m, p.flatten().toDoubleArray());
        double[] ts = Interpolation.linspace(-0.5, 1.5, 9);
        Interpolation line = Interpolation.between(f, a, b, ts);
        double[] va = a.flatten().toDoubleArray();
        double[] vb = b.flatten().toDoubleArray();
        for (int k = 0; k < ts.length; k++) {
            double[] v = new double[va.length];
            for (int i = 0; i < v.length; i++) {
                v[i] = va[i] + ts[k] * (vb[i] - va[i]);
            }
            assertEquals(quad(m, v), line.loss()[k], 1e-10 * Math.abs(quad(m, v)), "t = " + ts[k]);
        }
        assertEquals(f.applyAsDouble(a), Interpolation.between(f, a, b, new double[] {0, 1}).loss()[0], 0.0);
        assertEquals(f.applyAsDouble(b), Interpolation.between(f, a, b, new double[] {0, 1}).loss()[1], 0.0);
    }

    @Test
    void planeSliceMatchesTheClosedFormOfAQuadratic() {
        Params c = theta(4);
        Params d1 = FilterNormalized.direction(c, Rng.seed(1));
        Params d2 = FilterNormalized.direction(c, Rng.seed(2));
        double[][] m = spd(c.numel(), 5);
        ToDoubleFunction<Params> f = p -> quad(m, p.flatten().toDoubleArray());
        double[] al = Interpolation.linspace(-1, 1, 5);
        double[] be = Interpolation.linspace(-0.5, 1, 4);
        Plane plane = Plane.slice(f, c, d1, d2, al, be);
        double[] vc = c.flatten().toDoubleArray();
        double[] u = d1.flatten().toDoubleArray();
        double[] w = d2.flatten().toDoubleArray();
        for (int j = 0; j < be.length; j++) {
            for (int i = 0; i < al.length; i++) {
                double[] v = new double[vc.length];
                for (int k = 0; k < v.length; k++) {
                    v[k] = vc[k] + al[i] * u[k] + be[j] * w[k];
                }
                assertEquals(quad(m, v), plane.loss()[i][j], 1e-10 * quad(m, v));
            }
        }
    }

    @Test
    void trajectoryPcaRecoversAPlanarTrajectoryExactly() {
        Params end = theta(9);
        Rng r = Rng.seed(11);
        double[] u = orthonormal(end.numel(), r.split(1), null);
        double[] w = orthonormal(end.numel(), r.split(2), u);
        List<Params> its = new ArrayList<>();
        double[] ve = end.flatten().toDoubleArray();
        double[][] xy = new double[12][2];
        for (int i = 0; i < 12; i++) {
            xy[i][0] = 3.0 * Math.exp(-0.3 * i) + 0.1 * r.nextGaussian();
            xy[i][1] = Math.sin(0.9 * i) * Math.exp(-0.2 * i);
            double[] v = new double[ve.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = ve[k] + xy[i][0] * u[k] + xy[i][1] * w[k];
            }
            its.add(end.unflatten(Tensor.of(v, v.length)));
        }
        TrajectoryPca pca = TrajectoryPca.of(its, end);
        assertEquals(1.0, pca.explained()[0] + pca.explained()[1], 1e-10);
        double[] d1 = pca.d1().flatten().toDoubleArray();
        double[] d2 = pca.d2().flatten().toDoubleArray();
        assertEquals(0.0, dot(d1, d2), 1e-10);
        for (int i = 0; i < 12; i++) {
            double[] v = its.get(i).flatten().toDoubleArray();
            for (int k = 0; k < v.length; k++) {
                assertEquals(v[k] - ve[k], pca.x()[i] * d1[k] + pca.y()[i] * d2[k], 1e-10, "iterate " + i);
            }
        }
    }

    @Test
    void trajectoryPcaAgreesWithTheDenseCovarianceEigenvectors() {
        int p = 6;
        Params end = Params.of("v", Rng.seed(3).normal(DType.FLOAT64, 0, 1, p));
        Rng r = Rng.seed(4);
        List<Params> its = new ArrayList<>();
        double[][] rows = new double[20][p];
        for (int i = 0; i < 20; i++) {
            for (int k = 0; k < p; k++) {
                rows[i][k] = r.nextGaussian() * (k + 1);
            }
            double[] v = end.flatten().toDoubleArray();
            for (int k = 0; k < p; k++) {
                v[k] += rows[i][k];
            }
            its.add(Params.of("v", Tensor.of(v, p)));
        }
        double[] mean = new double[p];
        for (double[] row : rows) {
            for (int k = 0; k < p; k++) {
                mean[k] += row[k] / rows.length;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] row : rows) {
            for (int a = 0; a < p; a++) {
                for (int b = 0; b < p; b++) {
                    cov[a][b] += (row[a] - mean[a]) * (row[b] - mean[b]);
                }
            }
        }
        SymmetricEigen e = SymmetricEigen.of(cov);
        double total = 0;
        for (double v : e.values()) {
            total += v;
        }
        TrajectoryPca pca = TrajectoryPca.of(its, end);
        assertEquals(e.values()[0] / total, pca.explained()[0], 1e-10);
        assertEquals(e.values()[1] / total, pca.explained()[1], 1e-10);
        assertEquals(1.0, Math.abs(dot(e.vectors()[0], pca.d1().flatten().toDoubleArray())), 1e-9);
        assertEquals(1.0, Math.abs(dot(e.vectors()[1], pca.d2().flatten().toDoubleArray())), 1e-9);
    }

    @Test
    void trajectoryPcaRefusesTooFewIterates() {
        Params end = theta(1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TrajectoryPca.of(List.of(end, end), end));
        assertEquals("a trajectory PCA needs at least 3 iterates, got 2", e.getMessage());
    }

    private static double[] orthonormal(int p, Rng r, double[] against) {
        double[] v = new double[p];
        for (int k = 0; k < p; k++) {
            v[k] = r.nextGaussian();
        }
        if (against != null) {
            double s = dot(v, against);
            for (int k = 0; k < p; k++) {
                v[k] -= s * against[k];
            }
        }
        double n = Math.sqrt(dot(v, v));
        for (int k = 0; k < p; k++) {
            v[k] /= n;
        }
        return v;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            s += a[k] * b[k];
        }
        return s;
    }
}
