package org.occam.collapse;

import org.occam.tensor.Rng;

/**
 * k-shot nearest-class-centre transfer to new classes (METHODS §7.4, §11 NC-1): in each episode,
 * draw k support rows per class without replacement, take the class centres as the support
 * means, and classify every remaining (query) row of those classes by its nearest centre.
 * Episode e draws from {@code rng.split(e)}, class c of it from {@code .split(c)}, so results do
 * not depend on the order or number of other episodes.
 */
public final class FewShot {
    private FewShot() {
    }

    /**
     * The mean query accuracy over {@code episodes} episodes of {@code shots}-shot NCC.
     *
     * @param target embeddings of the held-out classes
     * @param shots support examples per class
     * @param episodes the number of episodes
     * @param rng the generator of the episodes
     * @return the mean accuracy and its standard error
     * @throws IllegalArgumentException when a class has no more than {@code shots} rows (no query left)
     */
    public static FewShotResult evaluate(Embeddings target, int shots, int episodes, Rng rng) {
        if (shots < 1) {
            throw new IllegalArgumentException("shots must be positive, got " + shots);
        }
        if (episodes < 1) {
            throw new IllegalArgumentException("episodes must be positive, got " + episodes);
        }
        int[][] byClass = target.classIndices();
        for (int c = 0; c < byClass.length; c++) {
            if (byClass[c].length <= shots) {
                throw new IllegalArgumentException(shots + "-shot transfer needs more than " + shots + " rows per class;"
                        + " class " + c + " has " + byClass[c].length);
            }
        }
        double[] acc = new double[episodes];
        for (int e = 0; e < episodes; e++) {
            acc[e] = episode(target, byClass, shots, rng.split(e));
        }
        return FewShotResult.of(shots, acc);
    }

    /** One episode's query accuracy. */
    static double episode(Embeddings target, int[][] byClass, int shots, Rng rng) {
        int c = byClass.length;
        int p = target.dim();
        double[][] centres = new double[c][p];
        int[][] order = new int[c][];
        for (int y = 0; y < c; y++) {
            order[y] = rng.split(y).permutation(byClass[y].length);
            for (int s = 0; s < shots; s++) {
                double[] z = target.rows()[byClass[y][order[y][s]]];
                for (int k = 0; k < p; k++) {
                    centres[y][k] += z[k] / shots;
                }
            }
        }
        int correct = 0;
        int total = 0;
        for (int y = 0; y < c; y++) {
            for (int q = shots; q < order[y].length; q++) {
                if (NeuralCollapse.nearestCentre(target.rows()[byClass[y][order[y][q]]], centres) == y) {
                    correct++;
                }
                total++;
            }
        }
        return correct / (double) total;
    }
}
