package org.occam.collapse;

import java.io.Serializable;

/**
 * The Poincaré link between GC and neural collapse (METHODS §7.4, [DERIVED]): if class c's input
 * distribution satisfies Var(u) ≤ C_P E‖∇u‖² for every smooth u, then, summing over the
 * embedding's coordinates, Var_c ≤ C_P GC_c, hence V(i, j) ≤ C_P (GC_i + GC_j) / (2‖μ_i − μ_j‖²).
 * This record holds the right-hand side without C_P.
 *
 * @param classGc       GC_c of the embedding on each class
 * @param gc            the GC over all rows (example-weighted mean of GC_c)
 * @param boundMatrix   B(i, j) = (GC_i + GC_j) / (2‖μ_i − μ_j‖²), 0 on the diagonal, so V ≤ C_P·B
 * @param meanBound     the mean of B(i, j) over i ≠ j, so CDNV ≤ C_P·meanBound
 * @param varianceRatio Var_c / GC_c: the smallest C_P for which class c's inequality holds
 */
public record PoincareLink(double[] classGc, double gc, double[][] boundMatrix, double meanBound, double[] varianceRatio) implements Serializable {

    /**
     * The bound from the class moments and the per-class GC.
     *
     * @param g the class geometry
     * @param classGc GC_c of each class
     * @return the bound
     */
    public static PoincareLink of(ClassGeometry g, double[] classGc) {
        int c = g.numClasses();
        if (classGc.length != c) {
            throw new IllegalArgumentException("the Poincaré link needs one GC per class: " + classGc.length + " for " + c
                    + " classes");
        }
        double[][] b = new double[c][c];
        for (int i = 0; i < c; i++) {
            for (int j = i + 1; j < c; j++) {
                double x = (classGc[i] + classGc[j]) / (2 * ClassGeometry.squaredDistance(g.means()[i], g.means()[j]));
                b[i][j] = x;
                b[j][i] = x;
            }
        }
        double[] ratio = new double[c];
        for (int i = 0; i < c; i++) {
            ratio[i] = g.variances()[i] / classGc[i];
        }
        return new PoincareLink(classGc.clone(), EmbeddingComplexity.pooled(classGc, g.counts()), b,
                NeuralCollapse.meanOffDiagonal(b), ratio);
    }
}
