package org.occam.measure;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Eigen-decomposition of a dense symmetric matrix, sorted by descending eigenvalue: the "eigh" of
 * METHODS §0.1, used for the dense Hessian, the principal flow and the Lanczos tridiagonal.
 *
 * <p>It runs LAPACK's divide-and-conquer {@code dsyevd} through the system's native library
 * (OpenBLAS or reference LAPACK, found as {@code liblapack.so.3}) when one is installed, and
 * EJML's pure-Java symmetric QR algorithm otherwise; {@link EighBackend} says which, and how to
 * choose. Each eigenvector's sign is fixed (its largest-magnitude entry, the first on ties, is
 * positive), so the result does not depend on the solver's arbitrary signs.
 *
 * @param values  eigenvalues, largest first
 * @param vectors vectors[i] is the unit eigenvector of values[i]
 */
public record SymmetricEigen(double[] values, double[][] vectors) {

    /**
     * Decomposes (A + Aᵀ)/2 with the default backend, so round-off asymmetry of a computed Hessian does no harm.
     *
     * @param a the matrix
     * @return the decomposition
     */
    public static SymmetricEigen of(double[][] a) {
        return of(a, EighBackend.auto());
    }

    /**
     * Decomposes (A + Aᵀ)/2 with the given backend.
     *
     * @param a the matrix
     * @param backend the solver
     * @return the decomposition
     */
    public static SymmetricEigen of(double[][] a, EighBackend backend) {
        int n = a.length;
        double[] sym = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("eigh needs a square matrix: row " + i + " has " + a[i].length
                        + " entries, not " + n);
            }
            for (int j = 0; j < n; j++) {
                sym[i * n + j] = 0.5 * (a[i][j] + a[j][i]);
            }
        }
        EighBackend.Result r = backend.decompose(sym, n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble((Integer i) -> r.values()[i]).reversed());
        double[] values = new double[n];
        double[][] vectors = new double[n][];
        for (int k = 0; k < n; k++) {
            values[k] = r.values()[order[k]];
            vectors[k] = withFixedSign(Arrays.copyOfRange(r.vectors(), order[k] * n, order[k] * n + n));
        }
        return new SymmetricEigen(values, vectors);
    }

    private static double[] withFixedSign(double[] v) {
        int at = 0;
        for (int i = 1; i < v.length; i++) {
            if (Math.abs(v[i]) > Math.abs(v[at])) {
                at = i;
            }
        }
        if (v.length > 0 && v[at] < 0) {
            for (int i = 0; i < v.length; i++) {
                v[i] = -v[i];
            }
        }
        return v;
    }
}
