package org.occam.lab.gc1;

import java.util.Arrays;

/**
 * The GC-1 setting (METHODS §11; Dherin, Munn &amp; Barrett 2021, §7.1; Dherin et al. 2022, §7.2):
 * 1-D regression of a few noisy points of sin by a wide MLP, trained until the training loss first
 * reaches a target, in four sweeps from one baseline (full-batch GD at h, no penalty): the
 * learning rate h, the batch size B (SGD with reshuffling), an L2 penalty and a GC penalty.
 *
 * @param points       training points x ~ U[−π, π] (fixed across seeds)
 * @param noise        standard deviation of the Gaussian noise on sin(x)
 * @param model        an MLP spec with one input and one output
 * @param lr           the baseline learning rate h
 * @param lrs          the learning-rate sweep (full batch), containing lr
 * @param batchSizes   the batch-size sweep at lr, containing points (full batch)
 * @param l2           the L2 sweep at lr (full batch), containing 0
 * @param gcPenalty    the GC-penalty sweep at lr (full batch), containing 0
 * @param lossTarget   compare runs where the (unpenalized) training MSE first falls to this
 * @param maxSteps     the step limit of a run (a run that never reaches the target counts as NaN)
 * @param every        measure training loss, GC and arc length every this many steps
 * @param gridPoints   the arc length's trapezoid grid on [−π, π]
 * @param seeds        seeds 0..seeds−1 (initialization and batch order)
 */
public record Gc1Setting(int points, double noise, String model, double lr, double[] lrs, int[] batchSizes, double[] l2,
                         double[] gcPenalty, double lossTarget, int maxSteps, int every, int gridPoints, int seeds) {
    /** Refuses settings out of range, with one line naming the field. */
    public Gc1Setting {
        lrs = sorted(lrs);
        l2 = sorted(l2);
        gcPenalty = sorted(gcPenalty);
        batchSizes = batchSizes.clone();
        Arrays.sort(batchSizes);
        if (points < 2 || !(noise >= 0) || !(lr > 0) || !(lossTarget > 0) || maxSteps < 1 || every < 1 || gridPoints < 2
                || seeds < 1) {
            throw new IllegalArgumentException("GC-1 needs points >= 2, noise >= 0, lr > 0, a loss target > 0, max steps,"
                    + " every and seeds >= 1 and at least 2 grid points");
        }
        require(contains(lrs, lr) && lrs.length >= 2, "the learning-rate sweep must contain the baseline lr " + lr);
        require(batchSizes.length >= 2 && batchSizes[batchSizes.length - 1] == points && batchSizes[0] >= 1,
                "the batch-size sweep must end at the full batch " + points + " and hold at least 2 sizes >= 1");
        require(l2.length >= 2 && l2[0] == 0, "the L2 sweep must start at 0 and hold at least 2 values");
        require(gcPenalty.length >= 2 && gcPenalty[0] == 0, "the GC-penalty sweep must start at 0 and hold at least 2 values");
    }

    /**
     * The default: 16 points of sin with noise 0.1, mlp 1-256-256-1 (tanh, float64, λ_max ≈ 84 at
     * initialization, so h ≤ 0.02 stays below 2/λ_max at the start); baseline h = 0.01 with
     * h ∈ {0.01, 0.015, 0.02}; B ∈ {1, 4, 16}; L2 ∈ {0, 1e-4, 1e-3}; GC penalty ∈ {0, 1e-3, 1e-2};
     * compared where the training MSE first reaches 0.012 (the noise variance is 0.01); 5 seeds.
     *
     * @return the settings
     */
    public static Gc1Setting defaults() {
        return new Gc1Setting(16, 0.1, "mlp:1-256-256-1:tanh", 0.01, new double[] {0.01, 0.015, 0.02},
                new int[] {1, 4, 16}, new double[] {0, 1e-4, 1e-3}, new double[] {0, 1e-3, 1e-2}, 0.012, 10_000, 25, 201, 5);
    }

    /**
     * Tiny settings for tests: 8 points, mlp 1-16-1, a loose target, 2 seeds.
     *
     * @return the settings
     */
    public static Gc1Setting quick() {
        return new Gc1Setting(8, 0.1, "mlp:1-16-1:tanh", 0.05, new double[] {0.05, 0.1}, new int[] {2, 8},
                new double[] {0, 1e-3}, new double[] {0, 1e-2}, 0.3, 400, 10, 65, 2);
    }

    /**
     * The same setting with another number of seeds.
     *
     * @param n the number of seeds
     * @return the settings
     */
    public Gc1Setting withSeeds(int n) {
        return new Gc1Setting(points, noise, model, lr, lrs, batchSizes, l2, gcPenalty, lossTarget, maxSteps, every,
                gridPoints, n);
    }

    private static double[] sorted(double[] v) {
        double[] c = v.clone();
        Arrays.sort(c);
        return c;
    }

    private static boolean contains(double[] v, double x) {
        for (double d : v) {
            if (d == x) {
                return true;
            }
        }
        return false;
    }

    private static void require(boolean ok, String what) {
        if (!ok) {
            throw new IllegalArgumentException("GC-1: " + what);
        }
    }
}
