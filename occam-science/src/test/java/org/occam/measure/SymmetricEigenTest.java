package org.occam.measure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** eigh on both backends against closed forms, against each other, and the fallback without a native library. */
class SymmetricEigenTest {

    private static final String NO_NATIVE = "no native LAPACK on this machine (apt-get install libopenblas0-pthread)";

    /** The n×n second-difference matrix tridiag(-1, 2, -1): λ_k = 2 − 2cos(kπ/(n+1)), v_k(j) ∝ sin(jkπ/(n+1)). */
    private static double[][] secondDifference(int n) {
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 2;
            if (i + 1 < n) {
                a[i][i + 1] = -1;
                a[i + 1][i] = -1;
            }
        }
        return a;
    }

    private static void checkSecondDifference(EighBackend backend) {
        int n = 9;
        SymmetricEigen e = SymmetricEigen.of(secondDifference(n), backend);
        for (int r = 0; r < n; r++) {
            int k = n - r; // descending order
            assertEquals(2 - 2 * Math.cos(k * Math.PI / (n + 1)), e.values()[r], 1e-13, backend + " λ_" + k);
            double[] v = new double[n];
            double norm = 0;
            for (int j = 0; j < n; j++) {
                v[j] = Math.sin((j + 1) * k * Math.PI / (n + 1));
                norm += v[j] * v[j];
            }
            double dot = 0;
            for (int j = 0; j < n; j++) {
                dot += v[j] / Math.sqrt(norm) * e.vectors()[r][j];
            }
            assertEquals(1, Math.abs(dot), 1e-12, backend + " eigenvector " + k);
        }
    }

    private static void checkTwoByTwo(EighBackend backend) {
        double a = 1.5;
        double b = -0.7;
        double c = -2.25;
        double mid = (a + c) / 2;
        double rad = Math.hypot((a - c) / 2, b);
        SymmetricEigen e = SymmetricEigen.of(new double[][] {{a, b}, {b, c}}, backend);
        assertArrayEquals(new double[] {mid + rad, mid - rad}, e.values(), 1e-14, backend.toString());
        // (A − λ₁I) v₁ = 0 with the sign rule: the largest entry is positive.
        double[] v = e.vectors()[0];
        assertEquals(0, (a - e.values()[0]) * v[0] + b * v[1], 1e-14);
        assertTrue(Math.abs(v[0]) >= Math.abs(v[1]) ? v[0] > 0 : v[1] > 0);
    }

    @Test
    void ejmlMatchesClosedForms() {
        checkSecondDifference(EighBackend.EJML);
        checkTwoByTwo(EighBackend.EJML);
    }

    @Test
    void nativeLapackMatchesClosedForms() {
        assumeTrue(EighBackend.nativeAvailable(), NO_NATIVE);
        checkSecondDifference(EighBackend.LAPACK_NATIVE);
        checkTwoByTwo(EighBackend.LAPACK_NATIVE);
    }

    @Test
    void nativeLapackMatchesEjmlAndIsRepeatable() {
        assumeTrue(EighBackend.nativeAvailable(), NO_NATIVE);
        int n = 60;
        Random rng = new Random(5);
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                a[i][j] = rng.nextGaussian();
                a[j][i] = a[i][j];
            }
        }
        SymmetricEigen lapack = SymmetricEigen.of(a, EighBackend.LAPACK_NATIVE);
        SymmetricEigen ejml = SymmetricEigen.of(a, EighBackend.EJML);
        assertArrayEquals(ejml.values(), lapack.values(), 1e-11);
        for (int k = 0; k < n; k++) {
            assertArrayEquals(ejml.vectors()[k], lapack.vectors()[k], 1e-8, "eigenvector " + k);
            // A v = λ v to round-off.
            for (int i = 0; i < n; i++) {
                double av = 0;
                for (int j = 0; j < n; j++) {
                    av += a[i][j] * lapack.vectors()[k][j];
                }
                assertEquals(lapack.values()[k] * lapack.vectors()[k][i], av, 1e-11);
            }
        }
        SymmetricEigen again = SymmetricEigen.of(a, EighBackend.LAPACK_NATIVE);
        assertArrayEquals(lapack.values(), again.values(), 0.0);
        for (int k = 0; k < n; k++) {
            assertArrayEquals(lapack.vectors()[k], again.vectors()[k], 0.0);
        }
    }

    @Test
    void defaultIsNativeWhenItLoads() {
        assertEquals(EighBackend.nativeAvailable() ? EighBackend.LAPACK_NATIVE : EighBackend.EJML, EighBackend.auto());
    }

    /** A fresh JVM told (by netlib's documented property) to load a library that does not exist falls back to EJML. */
    @Test
    void withoutTheNativeLibraryTheDefaultFallsBackToJava() throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), "-cp", System.getProperty("java.class.path"),
                "-Ddev.ludovic.netlib.lapack.nativeLib=libnosuchlapack.so.3", EighFallbackMain.class.getName()))
                .redirectErrorStream(true).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
        assertTrue(out.contains("backend EJML"), out);
        assertTrue(out.contains("values 3.0 1.0"), out);
    }
}
