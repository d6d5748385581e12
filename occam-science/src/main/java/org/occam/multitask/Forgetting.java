package org.occam.multitask;

import java.util.ArrayList;
import java.util.List;

/**
 * Forgetting curves of continual learning (METHODS §6): a task's loss (or accuracy) recorded while
 * the network trains on other tasks, and how far it got worse.
 */
public final class Forgetting {
    private Forgetting() {
    }

    /**
     * A measured curve from the switch away from the task onwards.
     *
     * @param steps          the steps of the measurements (the first is the baseline)
     * @param values         the task's loss or accuracy at those steps
     * @param higherIsBetter true for an accuracy, false for a loss
     */
    public record Curve(double[] steps, double[] values, boolean higherIsBetter) {
        /** Checks matching, non-empty arrays and copies them. */
        public Curve {
            if (steps == null || values == null || steps.length != values.length || steps.length == 0) {
                throw new IllegalArgumentException("a forgetting curve needs matching, non-empty steps and values");
            }
            steps = steps.clone();
            values = values.clone();
        }

        /**
         * How much worse than the baseline each value is (positive: forgotten).
         *
         * @return the drops
         */
        public double[] drops() {
            double[] d = new double[values.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = higherIsBetter ? values[0] - values[i] : values[i] - values[0];
            }
            return d;
        }
    }

    /**
     * The summary of a curve.
     *
     * @param baseline    the value at the switch
     * @param maxDrop     the largest drop (≥ 0: the baseline itself counts)
     * @param maxDropStep where it happened
     * @param finalDrop   the drop at the last measurement (negative when the task ended better)
     */
    public record Summary(double baseline, double maxDrop, double maxDropStep, double finalDrop) {
    }

    /**
     * Max and final drop of a curve.
     *
     * @param c the curve
     * @return the summary
     */
    public static Summary summarize(Curve c) {
        double[] d = c.drops();
        int best = 0;
        for (int i = 1; i < d.length; i++) {
            if (d[i] > d[best]) {
                best = i;
            }
        }
        return new Summary(c.values()[0], d[best], c.steps()[best], d[d.length - 1]);
    }

    /**
     * Task k's loss from the records with from ≤ step ≤ to (a loss curve: lower is better).
     *
     * @param rows the records
     * @param task k
     * @param from the first step
     * @param to the last step
     * @return the curve
     */
    public static Curve lossCurve(List<MultitaskGd.Row> rows, int task, long from, long to) {
        List<double[]> pts = new ArrayList<>();
        for (MultitaskGd.Row r : rows) {
            if (r.step() >= from && r.step() <= to) {
                pts.add(new double[] {r.step(), r.metrics().losses()[task]});
            }
        }
        if (pts.isEmpty()) {
            throw new IllegalArgumentException("no records between steps " + from + " and " + to);
        }
        double[] s = new double[pts.size()];
        double[] v = new double[pts.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = pts.get(i)[0];
            v[i] = pts.get(i)[1];
        }
        return new Curve(s, v, false);
    }
}
