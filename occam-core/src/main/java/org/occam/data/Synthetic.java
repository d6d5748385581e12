package org.occam.data;

import java.util.List;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Seeded synthetic data sets, float64, for experiments small enough to look at. Classes get equal
 * shares of the samples (the first {@code n % k} classes one more) and rows are shuffled, so any
 * slice mixes the classes. The same {@link Rng} state gives the same data set.
 */
public final class Synthetic {
    private Synthetic() {}

    /**
     * Two interleaving half circles in 2-D (scikit-learn's make_moons): the upper moon (class 0) at
     * {@code (cos t, sin t)} and the lower (class 1) at {@code (1 - cos t, 0.5 - sin t)}, t evenly
     * spaced in [0, π], plus Gaussian noise of standard deviation {@code noise}.
     *
     * @param n the number of points
     * @param noise the std of the Gaussian noise added to each coordinate
     * @param rng the generator
     * @return the data set
     */
    public static Dataset twoMoons(int n, double noise, Rng rng) {
        check(n, 2, noise);
        double[] x = new double[n * 2];
        int[] y = new int[n];
        int[] counts = shares(n, 2);
        int r = 0;
        for (int c = 0; c < 2; c++) {
            for (int i = 0; i < counts[c]; i++, r++) {
                double t = Math.PI * (counts[c] == 1 ? 0 : i / (double) (counts[c] - 1));
                x[2 * r] = c == 0 ? Math.cos(t) : 1 - Math.cos(t);
                x[2 * r + 1] = c == 0 ? Math.sin(t) : 0.5 - Math.sin(t);
                y[r] = c;
            }
        }
        addNoise(x, noise, rng);
        return shuffled("two-moons(n=" + n + ", noise=" + noise + ")", x, 2, y, 2, rng);
    }

    /**
     * {@code arms} interleaved spirals in 2-D: arm j at radius r ∈ (0, 1] and angle
     * {@code 2πj/arms + 3πr} (one and a half turns), plus Gaussian noise; class = arm.
     *
     * @param n the number of points
     * @param arms the number of arms (classes)
     * @param noise the std of the Gaussian noise
     * @param rng the generator
     * @return the data set
     */
    public static Dataset spirals(int n, int arms, double noise, Rng rng) {
        check(n, arms, noise);
        double[] x = new double[n * 2];
        int[] y = new int[n];
        int[] counts = shares(n, arms);
        int r = 0;
        for (int c = 0; c < arms; c++) {
            for (int i = 0; i < counts[c]; i++, r++) {
                double rad = (i + 1) / (double) counts[c];
                double a = 2 * Math.PI * c / arms + 3 * Math.PI * rad;
                x[2 * r] = rad * Math.cos(a);
                x[2 * r + 1] = rad * Math.sin(a);
                y[r] = c;
            }
        }
        addNoise(x, noise, rng);
        return shuffled("spirals(n=" + n + ", arms=" + arms + ", noise=" + noise + ")", x, 2, y, arms, rng);
    }

    /**
     * {@code rings} concentric circles in 2-D, ring j of radius (j+1)/rings at uniform angles, plus noise.
     *
     * @param n the number of points
     * @param rings the number of rings (classes)
     * @param noise the std of the Gaussian noise
     * @param rng the generator
     * @return the data set
     */
    public static Dataset rings(int n, int rings, double noise, Rng rng) {
        check(n, rings, noise);
        double[] x = new double[n * 2];
        int[] y = new int[n];
        int[] counts = shares(n, rings);
        int r = 0;
        for (int c = 0; c < rings; c++) {
            double rad = (c + 1) / (double) rings;
            for (int i = 0; i < counts[c]; i++, r++) {
                double a = 2 * Math.PI * rng.nextDouble();
                x[2 * r] = rad * Math.cos(a);
                x[2 * r + 1] = rad * Math.sin(a);
                y[r] = c;
            }
        }
        addNoise(x, noise, rng);
        return shuffled("rings(n=" + n + ", rings=" + rings + ", noise=" + noise + ")", x, 2, y, rings, rng);
    }

    /**
     * A mixture of {@code k} unit-variance Gaussians in {@code d} dimensions whose means are drawn
     * from N(0, separation² I); class = component.
     *
     * @param n the number of points
     * @param k the number of components (classes)
     * @param d the dimension
     * @param separation the std of the means
     * @param rng the generator
     * @return the data set
     */
    public static Dataset gaussianMixture(int n, int k, int d, double separation, Rng rng) {
        check(n, k, separation);
        if (d < 1) {
            throw new IllegalArgumentException("dimension must be positive, got " + d);
        }
        double[] means = new double[k * d];
        for (int i = 0; i < means.length; i++) {
            means[i] = separation * rng.nextGaussian();
        }
        double[] x = new double[n * d];
        int[] y = new int[n];
        int[] counts = shares(n, k);
        int r = 0;
        for (int c = 0; c < k; c++) {
            for (int i = 0; i < counts[c]; i++, r++) {
                for (int j = 0; j < d; j++) {
                    x[r * d + j] = means[c * d + j] + rng.nextGaussian();
                }
                y[r] = c;
            }
        }
        return shuffled("gaussian-mixture(n=" + n + ", k=" + k + ", d=" + d + ", separation=" + separation + ")",
                x, d, y, k, rng);
    }

    /**
     * 1-D regression: x uniform in [-π, π] ([n, 1]), targets sin(x) + Gaussian noise ([n, 1]).
     *
     * @param n the number of points
     * @param noise the std of the Gaussian noise on the targets
     * @param rng the generator
     * @return the data set
     */
    public static Dataset sine(int n, double noise, Rng rng) {
        check(n, 1, noise);
        double[] x = new double[n];
        double[] t = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.PI * (2 * rng.nextDouble() - 1);
            t[i] = Math.sin(x[i]) + noise * rng.nextGaussian();
        }
        return Dataset.regression("sine(n=" + n + ", noise=" + noise + ")", Tensor.wrap(x, n, 1), Tensor.wrap(t, n, 1));
    }

    /**
     * Linearly separable data with a margin: x ~ N(0, I) in {@code d} dimensions, a random unit
     * direction w, label 1 where w·x ≥ 0 else 0, and each point pushed {@code margin} further
     * from the plane w·x = 0 along w, so every point is at least {@code margin} away from it.
     *
     * @param n the number of points
     * @param d the dimension
     * @param margin how far each point is pushed from the separating plane
     * @param rng the generator
     * @return the data set
     */
    public static Dataset linearlySeparable(int n, int d, double margin, Rng rng) {
        double[] w = new double[d];
        for (int j = 0; j < d; j++) {
            w[j] = rng.nextGaussian();
        }
        return linearlySeparable(n, w, margin, rng);
    }

    /**
     * As {@link #linearlySeparable(int, int, double, Rng)} with a given separating direction w (normalized here).
     *
     * @param n the number of points
     * @param direction the separating direction w
     * @param margin how far each point is pushed from the separating plane
     * @param rng the generator
     * @return the data set
     */
    public static Dataset linearlySeparable(int n, double[] direction, double margin, Rng rng) {
        check(n, 1, margin);
        int d = direction.length;
        double norm = 0;
        for (double v : direction) {
            norm += v * v;
        }
        norm = Math.sqrt(norm);
        if (d < 1 || norm == 0) {
            throw new IllegalArgumentException("the separating direction must be a non-zero vector");
        }
        double[] x = new double[n * d];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextGaussian();
                s += x[i * d + j] * direction[j] / norm;
            }
            y[i] = s >= 0 ? 1 : 0;
            double push = (s >= 0 ? margin : -margin);
            for (int j = 0; j < d; j++) {
                x[i * d + j] += push * direction[j] / norm;
            }
        }
        return Dataset.of("linearly-separable(n=" + n + ", d=" + d + ", margin=" + margin + ")",
                Tensor.wrap(x, n, d), y, 2, List.of());
    }

    /**
     * Teacher-student classification: a random tanh teacher (see {@link TeacherMlp#random}) labels
     * Gaussian inputs by the argmax of its outputs; its raw outputs are kept as {@code targets}.
     *
     * @param n the number of points
     * @param inputs the input dimension
     * @param hidden the teacher's hidden width
     * @param classes the number of classes
     * @param rng the generator
     * @return the data set
     */
    public static Dataset teacherStudent(int n, int inputs, int hidden, int classes, Rng rng) {
        return TeacherMlp.random(inputs, hidden, classes, rng).classification(n, rng);
    }

    /**
     * Teacher-student regression: targets are a random tanh teacher's outputs plus Gaussian noise.
     *
     * @param n the number of points
     * @param inputs the input dimension
     * @param hidden the teacher's hidden width
     * @param outputs the number of targets
     * @param noise the std of the Gaussian noise on the targets
     * @param rng the generator
     * @return the data set
     */
    public static Dataset teacherStudentRegression(int n, int inputs, int hidden, int outputs, double noise, Rng rng) {
        return TeacherMlp.random(inputs, hidden, outputs, rng).regression(n, noise, rng);
    }

    // ------------------------------------------------------------------ helpers

    private static void check(int n, int k, double scale) {
        if (n < 1 || k < 1) {
            throw new IllegalArgumentException("need at least one sample and one class, got n=" + n + ", k=" + k);
        }
        if (!(scale >= 0) || Double.isInfinite(scale)) {
            throw new IllegalArgumentException("noise / margin / separation must be finite and non-negative, got " + scale);
        }
    }

    /** n split into k near-equal shares, the first n % k one larger. */
    static int[] shares(int n, int k) {
        int[] c = new int[k];
        for (int i = 0; i < k; i++) {
            c[i] = n / k + (i < n % k ? 1 : 0);
        }
        return c;
    }

    private static void addNoise(double[] x, double std, Rng rng) {
        if (std > 0) {
            for (int i = 0; i < x.length; i++) {
                x[i] += std * rng.nextGaussian();
            }
        }
    }

    private static Dataset shuffled(String name, double[] x, int d, int[] y, int k, Rng rng) {
        int n = y.length;
        int[] p = rng.permutation(n);
        double[] sx = new double[x.length];
        int[] sy = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, p[i] * d, sx, i * d, d);
            sy[i] = y[p[i]];
        }
        return Dataset.of(name, Tensor.wrap(sx, n, d), sy, k, List.of());
    }
}
