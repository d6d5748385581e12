package org.occam.collapse;

/**
 * First and second moments of labelled embeddings per class (METHODS §7.4), class-balanced:
 * class means μ_c = (1/n_c) Σ_{i∈c} z_i, the global mean μ_G = (1/C) Σ_c μ_c (the mean of the class
 * means, equal to the sample mean when classes are balanced, so that the centred means sum to 0
 * and Σ_B has rank ≤ C − 1), and class variances Var_c = (1/n_c) Σ_{i∈c} ‖z_i − μ_c‖² (1/n_c, the
 * plug-in estimate of E‖f(x) − μ_c‖²). Two passes in float64.
 *
 * @param data       the embeddings
 * @param counts     n_c
 * @param means      μ_c, [C][p]
 * @param globalMean μ_G, [p]
 * @param variances  Var_c = tr of the class covariance
 */
public record ClassGeometry(Embeddings data, int[] counts, double[][] means, double[] globalMean, double[] variances) {

    /**
     * The moments of {@code data}; every class needs at least one row.
     *
     * @param data the embeddings and labels
     * @return the class moments
     */
    public static ClassGeometry of(Embeddings data) {
        int c = data.numClasses();
        int p = data.dim();
        int[] counts = new int[c];
        double[][] means = new double[c][p];
        for (int i = 0; i < data.size(); i++) {
            int y = data.labels()[i];
            counts[y]++;
            double[] z = data.rows()[i];
            for (int k = 0; k < p; k++) {
                means[y][k] += z[k];
            }
        }
        for (int y = 0; y < c; y++) {
            if (counts[y] == 0) {
                throw new IllegalArgumentException("class " + y + " of " + c + " has no rows; every class needs at least one");
            }
            for (int k = 0; k < p; k++) {
                means[y][k] /= counts[y];
            }
        }
        double[] global = new double[p];
        for (double[] m : means) {
            for (int k = 0; k < p; k++) {
                global[k] += m[k] / c;
            }
        }
        double[] variances = new double[c];
        for (int i = 0; i < data.size(); i++) {
            int y = data.labels()[i];
            variances[y] += squaredDistance(data.rows()[i], means[y]);
        }
        for (int y = 0; y < c; y++) {
            variances[y] /= counts[y];
        }
        return new ClassGeometry(data, counts, means, global, variances);
    }

    /**
     * The number of classes C.
     *
     * @return C
     */
    public int numClasses() {
        return means.length;
    }

    /**
     * The embedding dimension p.
     *
     * @return p
     */
    public int dim() {
        return globalMean.length;
    }

    /**
     * Within-class covariance Σ_W = (1/C) Σ_c (1/n_c) Σ_{i∈c} (z_i − μ_c)(z_i − μ_c)ᵀ, [p][p]
     * (Papyan et al.'s average over examples when classes are balanced; tr Σ_W = mean_c Var_c).
     *
     * @return Σ_W
     */
    public double[][] withinCovariance() {
        int p = dim();
        double[][] s = new double[p][p];
        double[] d = new double[p];
        for (int i = 0; i < data.size(); i++) {
            int y = data.labels()[i];
            double[] z = data.rows()[i];
            double w = 1.0 / (numClasses() * (double) counts[y]);
            for (int k = 0; k < p; k++) {
                d[k] = z[k] - means[y][k];
            }
            addOuter(s, d, w);
        }
        return symmetrize(s);
    }

    /**
     * Between-class covariance Σ_B = (1/C) Σ_c (μ_c − μ_G)(μ_c − μ_G)ᵀ, [p][p], rank ≤ C − 1.
     *
     * @return Σ_B
     */
    public double[][] betweenCovariance() {
        int p = dim();
        double[][] s = new double[p][p];
        for (double[] m : centredMeans()) {
            addOuter(s, m, 1.0 / numClasses());
        }
        return symmetrize(s);
    }

    /**
     * μ_c − μ_G, [C][p].
     *
     * @return the centred class means
     */
    public double[][] centredMeans() {
        double[][] out = new double[numClasses()][dim()];
        for (int c = 0; c < numClasses(); c++) {
            for (int k = 0; k < dim(); k++) {
                out[c][k] = means[c][k] - globalMean[k];
            }
        }
        return out;
    }

    /**
     * ‖a − b‖².
     *
     * @param a a point
     * @param b a point
     * @return the squared distance
     */
    public static double squaredDistance(double[] a, double[] b) {
        double s = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            s += d * d;
        }
        return s;
    }

    private static void addOuter(double[][] s, double[] d, double w) {
        for (int a = 0; a < d.length; a++) {
            double da = w * d[a];
            if (da == 0) {
                continue;
            }
            double[] row = s[a];
            for (int b = a; b < d.length; b++) {
                row[b] += da * d[b];
            }
        }
    }

    private static double[][] symmetrize(double[][] upper) {
        for (int a = 0; a < upper.length; a++) {
            for (int b = 0; b < a; b++) {
                upper[a][b] = upper[b][a];
            }
        }
        return upper;
    }
}
