package org.occam.maxmargin;

import org.occam.data.Dataset;

/**
 * A binary data set for a linear classifier through the origin: rows x_i and labels y_i ∈ {−1, +1}
 * (docs/max-margin.md). Immutable.
 *
 * @param x the rows x_i
 * @param y the labels y_i, ±1
 */
public record Separable(double[][] x, int[] y) {

    /** Checks that there are as many ±1 labels as rows, all of one length, and copies them. */
    public Separable {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many labels as rows (at least one), got " + x.length + " rows and "
                    + y.length + " labels");
        }
        int d = x[0].length;
        double[][] copy = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != d || d == 0) {
                throw new IllegalArgumentException("row " + i + " has " + x[i].length + " features, expected " + d + " > 0");
            }
            if (y[i] != 1 && y[i] != -1) {
                throw new IllegalArgumentException("label " + i + " must be -1 or +1, got " + y[i]);
            }
            copy[i] = x[i].clone();
        }
        x = copy;
        y = y.clone();
    }

    /**
     * A two-class data set with labels 0/1, as rows and ±1 labels (label 1 → +1, 0 → −1).
     *
     * @param d a data set with two classes
     * @return the rows and ±1 labels
     */
    public static Separable of(Dataset d) {
        if (d.numClasses() != 2) {
            throw new IllegalArgumentException("a max-margin data set needs 2 classes, got " + d.numClasses());
        }
        int n = d.size();
        int f = d.features();
        double[] flat = d.x().toDoubleArray();
        double[][] x = new double[n][f];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(flat, i * f, x[i], 0, f);
            y[i] = d.label(i) == 1 ? 1 : -1;
        }
        return new Separable(x, y);
    }

    /**
     * Number of examples.
     *
     * @return n
     */
    public int size() {
        return y.length;
    }

    /**
     * Number of features.
     *
     * @return d
     */
    public int dim() {
        return x[0].length;
    }

    /**
     * The row x_i (a copy).
     *
     * @param i the row
     * @return x_i
     */
    public double[] row(int i) {
        return x[i].clone();
    }

    /**
     * The label y_i.
     *
     * @param i the row
     * @return ±1
     */
    public int label(int i) {
        return y[i];
    }

    /**
     * z_i = y_i wᵀx_i for every i.
     *
     * @param w the weights
     * @return the margins z_i
     */
    public double[] margins(double[] w) {
        double[] z = new double[y.length];
        for (int i = 0; i < z.length; i++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += w[j] * x[i][j];
            }
            z[i] = y[i] * s;
        }
        return z;
    }

    /**
     * Σ_i c_i y_i x_i.
     *
     * @param c the coefficients c_i
     * @return the combination
     */
    public double[] combination(double[] c) {
        double[] out = new double[dim()];
        for (int i = 0; i < y.length; i++) {
            double f = c[i] * y[i];
            for (int j = 0; j < out.length; j++) {
                out[j] += f * x[i][j];
            }
        }
        return out;
    }

    /**
     * min_i y_i wᵀx_i / ‖w‖ in the given norm: the normalized margin of w's direction.
     *
     * @param w the weights (not zero)
     * @param norm the norm of w
     * @return the normalized margin
     */
    public double normalizedMargin(double[] w, Norm norm) {
        double min = Double.POSITIVE_INFINITY;
        for (double z : margins(w)) {
            min = Math.min(min, z);
        }
        return min / norm.of(w);
    }

    /**
     * The rows (a copy).
     *
     * @return x
     */
    @Override
    public double[][] x() {
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i].clone();
        }
        return out;
    }

    /**
     * The labels (a copy).
     *
     * @return y
     */
    @Override
    public int[] y() {
        return y.clone();
    }
}
