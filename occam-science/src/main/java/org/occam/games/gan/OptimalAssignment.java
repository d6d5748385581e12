package org.occam.games.gan;

import java.util.Arrays;

/**
 * The exact minimum-cost perfect matching of an n×n cost matrix (the linear assignment problem),
 * by the Hungarian method with potentials and shortest augmenting paths (Kuhn 1955, Munkres 1957;
 * the O(n³) form of Jonker and Volgenant 1987): rows are added one at a time, each by a Dijkstra-like
 * search over reduced costs c_ij − a_i − b_j ≥ 0, so the final matching is optimal (the dual
 * potentials certify it). Deterministic: ties go to the lowest column index.
 */
public final class OptimalAssignment {
    private OptimalAssignment() {
    }

    /**
     * The column matched to each row, minimising Σ_i cost[i][col[i]], for a square matrix of finite costs.
     *
     * @param cost the cost matrix
     * @return the column of each row
     */
    public static int[] solve(double[][] cost) {
        int n = cost.length;
        for (double[] row : cost) {
            if (row.length != n) {
                throw new IllegalArgumentException("the assignment needs a square cost matrix, got " + n + " rows and a row of "
                        + row.length);
            }
            for (double c : row) {
                if (!Double.isFinite(c)) {
                    throw new IllegalArgumentException("assignment costs must be finite, got " + c);
                }
            }
        }
        double[] a = new double[n + 1]; // row potentials (1-based)
        double[] b = new double[n + 1]; // column potentials; column 0 is the search's virtual root
        int[] rowOf = new int[n + 1];   // rowOf[j]: the row matched to column j (0 = free)
        int[] prev = new int[n + 1];
        double[] slack = new double[n + 1];
        boolean[] done = new boolean[n + 1];
        for (int i = 1; i <= n; i++) {
            rowOf[0] = i;
            int j0 = 0;
            Arrays.fill(slack, Double.POSITIVE_INFINITY);
            Arrays.fill(done, false);
            do {
                done[j0] = true;
                int i0 = rowOf[j0];
                double delta = Double.POSITIVE_INFINITY;
                int j1 = 0;
                double[] row = cost[i0 - 1];
                for (int j = 1; j <= n; j++) {
                    if (!done[j]) {
                        double reduced = row[j - 1] - a[i0] - b[j];
                        if (reduced < slack[j]) {
                            slack[j] = reduced;
                            prev[j] = j0;
                        }
                        if (slack[j] < delta) {
                            delta = slack[j];
                            j1 = j;
                        }
                    }
                }
                for (int j = 0; j <= n; j++) {
                    if (done[j]) {
                        a[rowOf[j]] += delta;
                        b[j] -= delta;
                    } else {
                        slack[j] -= delta;
                    }
                }
                j0 = j1;
            } while (rowOf[j0] != 0);
            do { // flip the augmenting path back to the root
                int j1 = prev[j0];
                rowOf[j0] = rowOf[j1];
                j0 = j1;
            } while (j0 != 0);
        }
        int[] col = new int[n];
        for (int j = 1; j <= n; j++) {
            col[rowOf[j] - 1] = j - 1;
        }
        return col;
    }

    /**
     * Σ_i cost[i][col[i]].
     *
     * @param cost the cost matrix
     * @param col the column of each row
     * @return the total cost
     */
    public static double cost(double[][] cost, int[] col) {
        double s = 0;
        for (int i = 0; i < col.length; i++) {
            s += cost[i][col[i]];
        }
        return s;
    }
}
