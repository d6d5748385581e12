package org.occam.multitask;

import java.util.List;

/**
 * Summaries of the task-gradient alignment along a run (METHODS §6, §11 MT-1): the mean cosine
 * over a window of steps, and the cosine at equal joint loss (so that runs at different rates,
 * which progress at different speeds, are compared at the same point of their descent).
 */
public final class Alignment {
    private Alignment() {
    }

    /**
     * The mean over the records with from ≤ step ≤ to of the mean pairwise cosine; NaN when none.
     *
     * @param rows the records
     * @param from the first step
     * @param to the last step
     * @return the mean cosine
     */
    public static double windowMean(List<MultitaskGd.Row> rows, long from, long to) {
        double s = 0;
        int n = 0;
        for (MultitaskGd.Row r : rows) {
            if (r.step() >= from && r.step() <= to) {
                s += r.metrics().meanCosine();
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The mean pairwise cosine where the joint loss first falls through each level, linearly
     * interpolated between the two records around the crossing; NaN for a level never crossed.
     *
     * @param rows the records
     * @param levels the loss levels
     * @return the cosine at each level
     */
    public static double[] atLosses(List<MultitaskGd.Row> rows, double[] levels) {
        double[] out = new double[levels.length];
        for (int l = 0; l < levels.length; l++) {
            out[l] = Double.NaN;
            for (int i = 1; i < rows.size(); i++) {
                TaskMetrics.Snapshot a = rows.get(i - 1).metrics();
                TaskMetrics.Snapshot b = rows.get(i).metrics();
                double la = a.jointLoss();
                double lb = b.jointLoss();
                if (la >= levels[l] && lb < levels[l]) {
                    double w = (la - levels[l]) / (la - lb);
                    out[l] = (1 - w) * a.meanCosine() + w * b.meanCosine();
                    break;
                }
            }
        }
        return out;
    }

    /**
     * n levels spaced geometrically from hi down to lo (both included).
     *
     * @param hi the first level
     * @param lo the last level
     * @param n the number of levels
     * @return the levels
     */
    public static double[] levels(double hi, double lo, int n) {
        if (!(hi > lo) || !(lo > 0) || n < 2) {
            throw new IllegalArgumentException("loss levels need hi > lo > 0 and n >= 2, got hi=" + hi + ", lo=" + lo
                    + ", n=" + n);
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = hi * Math.pow(lo / hi, i / (double) (n - 1));
        }
        return out;
    }

    /**
     * The lowest joint loss of a run's records.
     *
     * @param rows the records
     * @return the lowest joint loss
     */
    public static double minLoss(List<MultitaskGd.Row> rows) {
        double m = Double.POSITIVE_INFINITY;
        for (MultitaskGd.Row r : rows) {
            m = Math.min(m, r.metrics().jointLoss());
        }
        return m;
    }
}
