package org.occam.lr;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Summary of a sharpness trace against the stability line 2/h (METHODS §4.1, §11 EOS-1; Cohen et
 * al.'s edge of stability): full-batch GD first sharpens (λ_max rises), reaches 2/h, and then
 * hovers near it instead of diverging.
 *
 * <p>With tolerance τ (0.1 in EOS-1): the arrival is the first measurement with λ ≥ (1 − τ)·2/h;
 * progressive sharpening is the growth max λ / λ_0 up to the arrival (the whole trace when the
 * edge is never reached); "near the edge" means |λ − 2/h| ≤ τ·2/h.
 *
 * @param measurements              number of (step, λ, 2/h) points
 * @param initialSharpness          λ at the first measurement
 * @param peakSharpness             the largest λ
 * @param sharpeningRatio           max λ before (and at) the arrival divided by λ_0
 * @param arrivalStep               the step of the arrival, or −1 when the edge was never reached
 * @param fractionNearEdge          fraction of all measurements within τ of 2/h
 * @param fractionNearEdgeAfter     the same fraction among the measurements from the arrival on (NaN if none)
 * @param meanEdgeRatioAfter        mean λ·h/2 from the arrival on (NaN if none)
 * @param maxEdgeRatio              the largest λ·h/2
 * @param tolerance                 τ
 */
public record EdgeOfStability(int measurements, double initialSharpness, double peakSharpness, double sharpeningRatio,
                              double arrivalStep, double fractionNearEdge, double fractionNearEdgeAfter,
                              double meanEdgeRatioAfter, double maxEdgeRatio, double tolerance) implements Serializable {

    /** EOS-1's tolerance: within 10 % of 2/h. */
    public static final double TOLERANCE = 0.1;

    /**
     * Whether λ rose by more than the tolerance before reaching the edge.
     *
     * @return whether it sharpened
     */
    public boolean progressiveSharpening() {
        return sharpeningRatio > 1 + tolerance;
    }

    /**
     * Whether the edge was reached at all.
     *
     * @return whether λ reached 2/h
     */
    public boolean reachedEdge() {
        return arrivalStep >= 0;
    }

    /**
     * Summarizes a trace; the arrays are aligned, in step order, and points with a non-finite λ or
     * 2/h are skipped.
     *
     * @param steps the step of each measurement
     * @param sharpness λ_max at each step
     * @param twoOverLr 2/h at each step
     * @param tolerance τ: λ ≥ (1 − τ)·2/h counts as at the edge
     * @return the summary
     */
    public static EdgeOfStability summarize(double[] steps, double[] sharpness, double[] twoOverLr, double tolerance) {
        if (steps.length != sharpness.length || steps.length != twoOverLr.length) {
            throw new IllegalArgumentException("steps, sharpness and 2/h must have the same length, got " + steps.length
                    + ", " + sharpness.length + ", " + twoOverLr.length);
        }
        if (!(tolerance > 0 && tolerance < 1)) {
            throw new IllegalArgumentException("tolerance must be in (0, 1), got " + tolerance);
        }
        List<double[]> pts = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (Double.isFinite(sharpness[i]) && Double.isFinite(twoOverLr[i]) && twoOverLr[i] > 0) {
                pts.add(new double[] {steps[i], sharpness[i], twoOverLr[i]});
            }
        }
        int n = pts.size();
        if (n == 0) {
            return new EdgeOfStability(0, Double.NaN, Double.NaN, Double.NaN, -1, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, tolerance);
        }
        double initial = pts.get(0)[1];
        double peak = Double.NEGATIVE_INFINITY;
        double maxRatio = Double.NEGATIVE_INFINITY;
        int arrival = -1;
        int near = 0;
        for (int i = 0; i < n; i++) {
            double[] p = pts.get(i);
            peak = Math.max(peak, p[1]);
            maxRatio = Math.max(maxRatio, p[1] / p[2]);
            if (arrival < 0 && p[1] >= (1 - tolerance) * p[2]) {
                arrival = i;
            }
            if (Math.abs(p[1] - p[2]) <= tolerance * p[2]) {
                near++;
            }
        }
        double beforePeak = Double.NEGATIVE_INFINITY;
        for (int i = 0; i <= (arrival < 0 ? n - 1 : arrival); i++) {
            beforePeak = Math.max(beforePeak, pts.get(i)[1]);
        }
        double nearAfter = Double.NaN;
        double meanAfter = Double.NaN;
        if (arrival >= 0) {
            int count = 0;
            double ratioSum = 0;
            for (int i = arrival; i < n; i++) {
                double[] p = pts.get(i);
                if (Math.abs(p[1] - p[2]) <= tolerance * p[2]) {
                    count++;
                }
                ratioSum += p[1] / p[2];
            }
            nearAfter = (double) count / (n - arrival);
            meanAfter = ratioSum / (n - arrival);
        }
        return new EdgeOfStability(n, initial, peak, beforePeak / initial, arrival < 0 ? -1 : pts.get(arrival)[0],
                (double) near / n, nearAfter, meanAfter, maxRatio, tolerance);
    }

    /**
     * Summarizes metrics rows (as the trainer writes them): the rows with both {@code sharpness}
     * and {@code two_over_lr}, in order, at tolerance {@link #TOLERANCE}.
     *
     * @param rows the metrics rows
     * @return the summary
     */
    public static EdgeOfStability fromRows(List<? extends Map<String, ?>> rows) {
        List<double[]> pts = new ArrayList<>();
        for (Map<String, ?> r : rows) {
            Object s = r.get("sharpness");
            Object t = r.get("two_over_lr");
            Object step = r.get("step");
            if (s instanceof Number ns && t instanceof Number nt && step instanceof Number st) {
                pts.add(new double[] {st.doubleValue(), ns.doubleValue(), nt.doubleValue()});
            }
        }
        double[] steps = new double[pts.size()];
        double[] sharp = new double[pts.size()];
        double[] two = new double[pts.size()];
        for (int i = 0; i < pts.size(); i++) {
            steps[i] = pts.get(i)[0];
            sharp[i] = pts.get(i)[1];
            two[i] = pts.get(i)[2];
        }
        return summarize(steps, sharp, two, TOLERANCE);
    }
}
