package org.occam.measure;

import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.ludovic.netlib.lapack.NativeLAPACK;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.netlib.util.intW;

/**
 * The solvers behind {@link SymmetricEigen}.
 *
 * <p>{@link #auto()} picks native LAPACK when the JNI wrapper of {@code dev.ludovic.netlib} can
 * load the system's {@code liblapack.so.3} (on Debian/Ubuntu: {@code apt-get install
 * libopenblas0-pthread}, or {@code liblapack3} for the reference LAPACK), and EJML otherwise.
 * EJML is the pure-Java fallback rather than netlib's own Java translation because it is 2–3x
 * faster at n = 300–800. {@code -Doccam.eigh=ejml|lapack} forces one; netlib's own
 * {@code -Ddev.ludovic.netlib.lapack.nativeLib=NAME} / {@code nativeLibPath=PATH} point it at
 * another library (a name that does not load means EJML). Native results are repeatable on one
 * machine for a fixed {@code OPENBLAS_NUM_THREADS} (OpenBLAS's own thread count, all cores when
 * unset, independent of {@code OCCAM_THREADS}); across CPUs the native kernels may differ in the
 * last bits, EJML's do not.
 */
public enum EighBackend {
    /** LAPACK dsyevd (divide and conquer) through JNI. */
    LAPACK_NATIVE,
    /** EJML's symmetric QR algorithm, pure Java. */
    EJML;

    /**
     * Keeps netlib's "Using native LAPACK" / "Failed to load" lines off stderr ({@link #describe()}
     * says which backend runs); a logger is held weakly, so keep it.
     */
    private static final Logger NETLIB_LOG = quiet("dev.ludovic.netlib.lapack.InstanceBuilder");

    /**
     * Eigenvalues in any order and the matching unit eigenvectors, vector k at [k*n, (k+1)*n).
     *
     * @param values the eigenvalues
     * @param vectors the eigenvectors, n after n
     */
    public record Result(double[] values, double[] vectors) {
    }

    private static Logger quiet(String name) {
        Logger l = Logger.getLogger(name);
        l.setLevel(Level.SEVERE);
        return l;
    }

    private static final class Native {
        static final NativeLAPACK LAPACK = load();

        private static NativeLAPACK load() {
            try {
                return NativeLAPACK.getInstance();
            } catch (Throwable t) {
                return null;
            }
        }
    }

    /**
     * True when the native LAPACK library loaded.
     *
     * @return whether LAPACK is available
     */
    public static boolean nativeAvailable() {
        return Native.LAPACK != null;
    }

    /**
     * The backend {@link SymmetricEigen#of(double[][])} uses: {@code -Doccam.eigh}, else native LAPACK when it loads, else EJML.
     *
     * @return the backend
     */
    public static EighBackend auto() {
        String forced = System.getProperty("occam.eigh", "").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "" -> nativeAvailable() ? LAPACK_NATIVE : EJML;
            case "lapack" -> LAPACK_NATIVE;
            case "ejml" -> EJML;
            default -> throw new IllegalArgumentException("occam.eigh must be lapack or ejml, got '" + forced + "'");
        };
    }

    /**
     * One line for logs and benchmarks: which solver, and which native library.
     *
     * @return the description
     */
    public String describe() {
        return this == EJML ? "EJML symmetric QR (pure Java)"
                : "LAPACK dsyevd via " + (nativeAvailable() ? Native.LAPACK.getClass().getSimpleName() + " ("
                        + System.getProperty("dev.ludovic.netlib.lapack.nativeLib", "liblapack.so.3") + ")"
                        : "nothing: no native LAPACK loaded");
    }

    /**
     * Decomposes the symmetric n×n matrix a (row-major; only its lower triangle is read by LAPACK).
     *
     * @param a the matrix, row-major
     * @param n its order
     * @return the eigenvalues and eigenvectors
     */
    public Result decompose(double[] a, int n) {
        return this == EJML ? ejml(a, n) : lapack(a, n);
    }

    private static Result lapack(double[] a, int n) {
        if (!nativeAvailable()) {
            throw new IllegalStateException("eigh: occam.eigh=lapack, but no native LAPACK loaded (install "
                    + "libopenblas0-pthread or liblapack3, or use -Doccam.eigh=ejml)");
        }
        if (n == 0) {
            return new Result(new double[0], new double[0]);
        }
        double[] m = a.clone();
        double[] w = new double[n];
        intW info = new intW(0);
        double[] lwork = new double[1];
        int[] liwork = new int[1];
        Native.LAPACK.dsyevd("V", "U", n, m, n, w, lwork, -1, liwork, -1, info);
        double[] work = new double[(int) lwork[0]];
        int[] iwork = new int[liwork[0]];
        Native.LAPACK.dsyevd("V", "U", n, m, n, w, work, work.length, iwork, iwork.length, info);
        if (info.val != 0) {
            throw new IllegalStateException("eigh: LAPACK dsyevd on a " + n + "×" + n + " matrix failed (info " + info.val + ")");
        }
        // Column-major output: eigenvector k is the contiguous column k.
        return new Result(w, m);
    }

    private static Result ejml(double[] a, int n) {
        DMatrixRMaj m = new DMatrixRMaj(n, n);
        m.setData(a.clone());
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(n, true, true);
        if (!eig.decompose(m)) {
            throw new IllegalStateException("symmetric eigendecomposition of a " + n + "×" + n + " matrix did not converge");
        }
        double[] values = new double[n];
        double[] vectors = new double[n * n];
        for (int k = 0; k < n; k++) {
            values[k] = eig.getEigenvalue(k).getReal();
            System.arraycopy(eig.getEigenVector(k).getData(), 0, vectors, k * n, n);
        }
        return new Result(values, vectors);
    }
}
