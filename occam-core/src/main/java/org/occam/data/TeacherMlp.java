package org.occam.data;

import java.util.List;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * A fixed random one-hidden-layer tanh network, {@code f(x) = tanh(x W1 + b1) W2 + b2}, used as
 * the teacher of teacher-student experiments (a student is trained on its outputs or labels).
 * Weights are float64.
 *
 * @param w1 [inputs, hidden]
 * @param b1 [hidden]
 * @param w2 [hidden, outputs]
 * @param b2 [outputs]
 */
public record TeacherMlp(Tensor w1, Tensor b1, Tensor w2, Tensor b2) {
    /** Checks that the weights' shapes fit together. */
    public TeacherMlp {
        if (w1.rank() != 2 || w2.rank() != 2 || b1.rank() != 1 || b2.rank() != 1 || w1.size(1) != w2.size(0)
                || b1.size(0) != w1.size(1) || b2.size(0) != w2.size(1)) {
            throw new IllegalArgumentException("teacher weights must be W1 [in, h], b1 [h], W2 [h, out], b2 [out]");
        }
    }

    /**
     * A random teacher: W1 ~ N(0, 1/inputs), so the hidden pre-activations of N(0, I) inputs are
     * about unit scale, b1 ~ N(0, 0.1²), W2 ~ N(0, 1/hidden), b2 = 0.
     *
     * @param inputs the input dimension
     * @param hidden the hidden width
     * @param outputs the number of outputs
     * @param rng the generator
     * @return the teacher
     */
    public static TeacherMlp random(int inputs, int hidden, int outputs, Rng rng) {
        if (inputs < 1 || hidden < 1 || outputs < 1) {
            throw new IllegalArgumentException("teacher sizes must be positive, got " + inputs + ", " + hidden
                    + ", " + outputs);
        }
        Tensor w1 = gaussian(rng, 1 / Math.sqrt(inputs), inputs, hidden);
        Tensor b1 = gaussian(rng, 0.1, hidden);
        Tensor w2 = gaussian(rng, 1 / Math.sqrt(hidden), hidden, outputs);
        return new TeacherMlp(w1, b1, w2, Tensor.wrap(new double[outputs], outputs));
    }

    /**
     * The input dimension.
     *
     * @return the rows of W1
     */
    public int inputs() {
        return w1.size(0);
    }

    /**
     * The number of outputs.
     *
     * @return the columns of W2
     */
    public int outputs() {
        return w2.size(1);
    }

    /**
     * The teacher's outputs for inputs x [N, inputs]: a float64 tensor [N, outputs].
     *
     * @param x the inputs
     * @return the outputs
     */
    public Tensor apply(Tensor x) {
        int n = x.size(0);
        int in = inputs();
        int h = w1.size(1);
        int out = outputs();
        if (x.rank() != 2 || x.size(1) != in) {
            throw new IllegalArgumentException("teacher inputs must be [N, " + in + "]");
        }
        double[] xv = x.toDoubleArray();
        double[] a = w1.toDoubleArray();
        double[] c = b1.toDoubleArray();
        double[] b = w2.toDoubleArray();
        double[] e = b2.toDoubleArray();
        double[] y = new double[n * out];
        double[] hid = new double[h];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < h; k++) {
                double s = c[k];
                for (int j = 0; j < in; j++) {
                    s += xv[i * in + j] * a[j * h + k];
                }
                hid[k] = Math.tanh(s);
            }
            for (int o = 0; o < out; o++) {
                double s = e[o];
                for (int k = 0; k < h; k++) {
                    s += hid[k] * b[k * out + o];
                }
                y[i * out + o] = s;
            }
        }
        return Tensor.wrap(y, n, out);
    }

    /**
     * n inputs ~ N(0, I) with targets = teacher outputs + Gaussian noise of std {@code noise}.
     *
     * @param n the number of points
     * @param noise the std of the target noise
     * @param rng the generator
     * @return the data set
     */
    public Dataset regression(int n, double noise, Rng rng) {
        Tensor x = gaussian(rng, 1, n, inputs());
        double[] t = apply(x).toDoubleArray();
        for (int i = 0; i < t.length; i++) {
            t[i] += noise * rng.nextGaussian();
        }
        return Dataset.regression("teacher-regression(n=" + n + ", noise=" + noise + ")", x,
                Tensor.wrap(t, n, outputs()));
    }

    /**
     * n inputs ~ N(0, I) labelled by the argmax of the teacher's outputs (with one output: 1 where
     * it is positive); the outputs are kept as {@code targets}. Classes need not be balanced.
     *
     * @param n the number of points
     * @param rng the generator
     * @return the data set
     */
    public Dataset classification(int n, Rng rng) {
        Tensor x = gaussian(rng, 1, n, inputs());
        Tensor f = apply(x);
        double[] v = f.toDoubleArray();
        int out = outputs();
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            if (out == 1) {
                y[i] = v[i] > 0 ? 1 : 0;
            } else {
                int best = 0;
                for (int o = 1; o < out; o++) {
                    if (v[i * out + o] > v[i * out + best]) {
                        best = o;
                    }
                }
                y[i] = best;
            }
        }
        return new Dataset("teacher-classification(n=" + n + ")", x, y, Math.max(2, out), List.of(), f);
    }

    private static Tensor gaussian(Rng rng, double std, int... shape) {
        int len = 1;
        for (int s : shape) {
            len *= s;
        }
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            v[i] = std * rng.nextGaussian();
        }
        return Tensor.wrap(v, shape);
    }
}
