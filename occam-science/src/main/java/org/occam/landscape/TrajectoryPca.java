package org.occam.landscape;

import java.util.List;
import org.occam.autodiff.Params;
import org.occam.measure.SymmetricEigen;
import org.occam.measure.Vectors;

/**
 * The plane that best holds a training trajectory (Li et al. 2018 §7; docs/landscapes.md §3): the
 * top two principal directions of the differences θ_i − θ_final of the recorded iterates, and the
 * coordinates of every iterate on them (so the final iterate sits at the origin).
 *
 * <p>As in Li et al.'s code (scikit-learn's PCA), the directions are those of the centred
 * differences; the coordinates are the projections of the uncentred differences. The directions are
 * computed from the n×n Gram matrix of the differences, exact for any number of parameters.
 *
 * @param d1        first principal direction (unit norm), shaped like θ
 * @param d2        second principal direction (unit norm, orthogonal to d1)
 * @param explained fraction of the variance of the centred differences along d1 and d2
 * @param x         coordinate of each iterate along d1
 * @param y         coordinate of each iterate along d2
 */
public record TrajectoryPca(Params d1, Params d2, double[] explained, double[] x, double[] y) {

    /**
     * The PCA plane of {@code iterates} around {@code last} (usually the final iterate).
     *
     * @param iterates the saved iterates, at least 3
     * @param last the origin of the plane
     * @return the two leading directions, their explained variance and the iterates' coordinates
     */
    public static TrajectoryPca of(List<Params> iterates, Params last) {
        int n = iterates.size();
        if (n < 3) {
            throw new IllegalArgumentException("a trajectory PCA needs at least 3 iterates, got " + n);
        }
        double[] end = Vectors.of(last);
        int p = end.length;
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] v = Vectors.of(iterates.get(i));
            for (int k = 0; k < p; k++) {
                v[k] -= end[k];
            }
            m[i] = v;
        }
        double[] mean = new double[p];
        for (double[] row : m) {
            for (int k = 0; k < p; k++) {
                mean[k] += row[k] / n;
            }
        }
        double[][] centred = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                centred[i][k] = m[i][k] - mean[k];
            }
        }
        double[][] gram = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                gram[i][j] = Vectors.dot(centred[i], centred[j]);
                gram[j][i] = gram[i][j];
            }
        }
        SymmetricEigen e = SymmetricEigen.of(gram);
        double total = 0;
        for (double v : e.values()) {
            total += Math.max(0, v);
        }
        double[][] dirs = new double[2][p];
        for (int c = 0; c < 2; c++) {
            if (!(e.values()[c] > 0)) {
                throw new IllegalArgumentException("the trajectory spans fewer than 2 directions (principal value "
                        + (c + 1) + " is " + e.values()[c] + "): it cannot define a plane");
            }
            double[] u = e.vectors()[c];
            for (int i = 0; i < n; i++) {
                for (int k = 0; k < p; k++) {
                    dirs[c][k] += u[i] * centred[i][k];
                }
            }
            Vectors.normalize(dirs[c]);
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Vectors.dot(m[i], dirs[0]);
            y[i] = Vectors.dot(m[i], dirs[1]);
        }
        double[] explained = {e.values()[0] / total, e.values()[1] / total};
        return new TrajectoryPca(Vectors.params(last, dirs[0]), Vectors.params(last, dirs[1]), explained, x, y);
    }
}
