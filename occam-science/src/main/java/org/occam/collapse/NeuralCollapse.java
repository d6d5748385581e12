package org.occam.collapse;

import org.occam.measure.SymmetricEigen;

/**
 * Neural-collapse measures of an embedding (METHODS §7.4), all in float64 on {@link ClassGeometry}:
 * NC1 = (1/C) tr(Σ_W Σ_B^†) (Papyan, Han &amp; Donoho 2020), the class-distance normalised variance
 * V(i, j) = (Var_i + Var_j) / (2‖μ_i − μ_j‖²) and its mean over i ≠ j (the CDNV of Galanti,
 * György &amp; Hutter 2022), and nearest-class-centre (NCC) accuracy. Collapse drives NC1 and CDNV to
 * 0 and NCC accuracy to 1.
 */
public final class NeuralCollapse {
    /** Eigenvalues of Σ_B below this fraction of the largest count as zero in the pseudo-inverse. */
    static final double RANK_TOLERANCE = 1e-10;

    private NeuralCollapse() {
    }

    /**
     * NC1, CDNV (mean and matrix) and NCC accuracy on the data's own class means.
     *
     * @param data the embeddings
     * @return the statistics
     */
    public static CollapseStats measure(Embeddings data) {
        return measure(data, ClassGeometry.of(data));
    }

    /**
     * The same, with the class geometry of {@code data} already computed.
     *
     * @param data the embeddings
     * @param g their class geometry
     * @return the statistics
     */
    public static CollapseStats measure(Embeddings data, ClassGeometry g) {
        double[][] v = cdnvMatrix(g);
        return new CollapseStats(g.numClasses(), g.dim(), g.counts(), nc1(g), meanOffDiagonal(v), v,
                nccAccuracy(data, g.means()), g.variances());
    }

    /**
     * NC1 = (1/C) tr(Σ_W Σ_B^†). Σ_B = (1/C) M Mᵀ with M = [μ_c − μ_G] (p × C); its non-zero
     * eigenpairs come from the C × C Gram matrix MᵀM = Σ λ_k u_k u_kᵀ as (λ_k/C, M u_k/√λ_k), at
     * most C − 1 of them (the centred means sum to 0), so
     * tr(Σ_W Σ_B^†) = Σ_k (C/λ_k²) (M u_k)ᵀ Σ_W (M u_k) without forming a p × p matrix.
     * NaN when all class means coincide (Σ_B = 0).
     *
     * @param g the class geometry
     * @return NC1
     */
    public static double nc1(ClassGeometry g) {
        int c = g.numClasses();
        double[][] m = g.centredMeans();
        double[][] gram = new double[c][c];
        for (int a = 0; a < c; a++) {
            for (int b = a; b < c; b++) {
                double s = 0;
                for (int k = 0; k < g.dim(); k++) {
                    s += m[a][k] * m[b][k];
                }
                gram[a][b] = s;
                gram[b][a] = s;
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(gram);
        double top = eig.values()[0];
        if (!(top > 0)) {
            return Double.NaN;
        }
        double trace = 0;
        for (int k = 0; k < Math.min(c - 1, eig.values().length); k++) {
            double lambda = eig.values()[k];
            if (lambda <= RANK_TOLERANCE * top) {
                break;
            }
            double[] w = new double[g.dim()];
            for (int a = 0; a < c; a++) {
                double u = eig.vectors()[k][a];
                for (int j = 0; j < w.length; j++) {
                    w[j] += u * m[a][j];
                }
            }
            trace += c / (lambda * lambda) * withinQuadraticForm(g, w);
        }
        return trace / c;
    }

    /** wᵀ Σ_W w = (1/C) Σ_c (1/n_c) Σ_{i∈c} ((z_i − μ_c)·w)². */
    static double withinQuadraticForm(ClassGeometry g, double[] w) {
        Embeddings data = g.data();
        double[] perClass = new double[g.numClasses()];
        for (int i = 0; i < data.size(); i++) {
            int y = data.labels()[i];
            double[] z = data.rows()[i];
            double[] mu = g.means()[y];
            double dot = 0;
            for (int k = 0; k < w.length; k++) {
                dot += (z[k] - mu[k]) * w[k];
            }
            perClass[y] += dot * dot;
        }
        double s = 0;
        for (int y = 0; y < perClass.length; y++) {
            s += perClass[y] / g.counts()[y];
        }
        return s / g.numClasses();
    }

    /**
     * V(i, j) = (Var_i + Var_j) / (2‖μ_i − μ_j‖²) for i ≠ j, [C][C], symmetric, 0 on the diagonal
     * (where it is undefined); +∞ for two classes with equal means and some spread, NaN when both
     * classes sit at one and the same point (0/0: no separation at all, not perfect collapse).
     *
     * @param g the class geometry
     * @return the matrix V
     */
    public static double[][] cdnvMatrix(ClassGeometry g) {
        int c = g.numClasses();
        double[][] v = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                double d2 = ClassGeometry.squaredDistance(g.means()[i], g.means()[j]);
                double num = g.variances()[i] + g.variances()[j];
                double x = d2 == 0 ? (num == 0 ? Double.NaN : Double.POSITIVE_INFINITY) : num / (2 * d2);
                v[i][j] = x;
                v[j][i] = x;
            }
        }
        return v;
    }

    /**
     * The CDNV: the mean of V(i, j) over i ≠ j (NaN for a single class).
     *
     * @param g the class geometry
     * @return the CDNV
     */
    public static double cdnv(ClassGeometry g) {
        return meanOffDiagonal(cdnvMatrix(g));
    }

    /**
     * The mean of the off-diagonal entries of a square matrix (NaN when it is 1 × 1).
     *
     * @param v a square matrix
     * @return the mean of its off-diagonal entries
     */
    public static double meanOffDiagonal(double[][] v) {
        int c = v.length;
        if (c < 2) {
            return Double.NaN;
        }
        double s = 0;
        for (int i = 0; i < c; i++) {
            for (int j = 0; j < c; j++) {
                if (i != j) {
                    s += v[i][j];
                }
            }
        }
        return s / (c * (double) (c - 1));
    }

    /**
     * The fraction of rows whose nearest centre (Euclidean; ties to the lower class) is their own class's.
     *
     * @param data the embeddings
     * @param centres one centre per class
     * @return the accuracy
     */
    public static double nccAccuracy(Embeddings data, double[][] centres) {
        if (centres.length != data.numClasses()) {
            throw new IllegalArgumentException("NCC needs one centre per class: " + centres.length + " centres for "
                    + data.numClasses() + " classes");
        }
        int correct = 0;
        for (int i = 0; i < data.size(); i++) {
            if (nearestCentre(data.rows()[i], centres) == data.labels()[i]) {
                correct++;
            }
        }
        return correct / (double) data.size();
    }

    /**
     * The index of the centre nearest to z (the lowest index among ties).
     *
     * @param z a point
     * @param centres the class centres
     * @return the index
     */
    public static int nearestCentre(double[] z, double[][] centres) {
        int best = -1;
        double bestD = Double.POSITIVE_INFINITY;
        for (int c = 0; c < centres.length; c++) {
            if (centres[c].length != z.length) {
                throw new IllegalArgumentException("centre " + c + " has " + centres[c].length + " entries, the point has "
                        + z.length);
            }
            double d = ClassGeometry.squaredDistance(z, centres[c]);
            if (d < bestD || best < 0) {
                bestD = d;
                best = c;
            }
        }
        return best;
    }
}
