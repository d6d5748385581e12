package org.occam.measure;

import java.util.Arrays;
import java.util.Comparator;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigen-decomposition of a dense symmetric matrix (EJML's symmetric QR algorithm), sorted by
 * descending eigenvalue: the "eigh" of METHODS §0.1, used for the dense Hessian and for the
 * Lanczos tridiagonal.
 *
 * @param values  eigenvalues, largest first
 * @param vectors vectors[i] is the unit eigenvector of values[i]
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /** Decomposes (A + Aᵀ)/2, so round-off asymmetry of a computed Hessian does no harm. */
    public static SymmetricEigen of(double[][] a) {
        int n = a.length;
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("eigh needs a square matrix: row " + i + " has " + a[i].length
                        + " entries, not " + n);
            }
            for (int j = 0; j < n; j++) {
                m.set(i, j, 0.5 * (a[i][j] + a[j][i]));
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigendecomposition of a " + n + "×" + n + " matrix did not converge");
        }
        Integer[] order = new Integer[n];
        double[] raw = new double[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
            raw[i] = eig.getEigenvalue(i).getReal();
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> raw[i]).reversed());
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int r = 0; r < n; r++) {
            values[r] = raw[order[r]];
            vectors[r] = Arrays.copyOf(eig.getEigenVector(order[r]).getData(), n);
        }
        return new SymmetricEigen(values, vectors);
    }
}
