package org.occam.games.gan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.occam.tensor.Rng;

/** The Hungarian method against brute force over every permutation, and on matrices with a known optimum. */
class OptimalAssignmentTest {

    private static double bruteForce(double[][] c, int[] perm, int k) {
        if (k == perm.length) {
            return OptimalAssignment.cost(c, perm);
        }
        double best = Double.POSITIVE_INFINITY;
        for (int i = k; i < perm.length; i++) {
            swap(perm, k, i);
            best = Math.min(best, bruteForce(c, perm, k + 1));
            swap(perm, k, i);
        }
        return best;
    }

    private static void swap(int[] a, int i, int j) {
        int t = a[i];
        a[i] = a[j];
        a[j] = t;
    }

    @Test
    void matchesBruteForceOnRandomMatrices() {
        Rng rng = Rng.seed(1);
        for (int trial = 0; trial < 40; trial++) {
            int n = 1 + trial % 7;
            double[][] c = new double[n][n];
            for (double[] row : c) {
                for (int j = 0; j < n; j++) {
                    row[j] = trial % 2 == 0 ? rng.nextDouble() * 10 - 3 : rng.nextInt(4); // integer costs: many ties
                }
            }
            int[] col = OptimalAssignment.solve(c);
            int[] sorted = col.clone();
            Arrays.sort(sorted);
            int[] identity = new int[n];
            Arrays.setAll(identity, i -> i);
            assertArrayEquals(identity, sorted, "a permutation");
            int[] perm = identity.clone();
            assertEquals(bruteForce(c, perm, 0), OptimalAssignment.cost(c, col), 1e-12, "trial " + trial);
        }
    }

    @Test
    void findsTheAntiDiagonalAndRejectsBadMatrices() {
        int n = 50;
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                c[i][j] = i + j == n - 1 ? 0 : 1 + (i * 7 + j * 3) % 5;
            }
        }
        int[] col = OptimalAssignment.solve(c);
        for (int i = 0; i < n; i++) {
            assertEquals(n - 1 - i, col[i]);
        }
        assertThrows(IllegalArgumentException.class, () -> OptimalAssignment.solve(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> OptimalAssignment.solve(new double[][] {{1, Double.NaN}, {0, 1}}));
        assertEquals(0, OptimalAssignment.solve(new double[0][0]).length);
    }
}
