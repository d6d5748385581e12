package org.occam.lab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;

/**
 * Columns of trainer metrics rows, and line charts of them, for the learning-rate reproductions
 * ({@code EosSweep}, {@code DalSweep}, {@code ClrSweep}).
 */
public final class LrSweepCurves {
    private LrSweepCurves() {
    }

    /**
     * The points (step, row[key]) of the step rows (not the trainer's final row) that have the key.
     *
     * @param steps the steps of the points
     * @param values the values there
     */
    public record Curve(double[] steps, double[] values) {
        /**
         * The number of points.
         *
         * @return the count
         */
        public int size() {
            return steps.length;
        }

        double last() {
            return values.length == 0 ? Double.NaN : values[values.length - 1];
        }
    }

    /**
     * The curve of {@code key}: the points (step, row[key]) of the step rows that have it.
     *
     * @param rows the metrics rows
     * @param key the metric
     * @return the curve
     */
    public static Curve curve(List<Map<String, Object>> rows, String key) {
        List<double[]> pts = new ArrayList<>();
        for (Map<String, Object> r : rows) {
            if (r.containsKey("final")) {
                continue;
            }
            if (r.get(key) instanceof Number v && r.get("step") instanceof Number s) {
                pts.add(new double[] {s.doubleValue(), v.doubleValue()});
            }
        }
        double[] x = new double[pts.size()];
        double[] y = new double[pts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = pts.get(i)[0];
            y[i] = pts.get(i)[1];
        }
        return new Curve(x, y);
    }

    /**
     * A value of the trainer's final row (train_loss, test_loss, ...), or NaN.
     *
     * @param rows the metrics rows
     * @param key the metric
     * @return the value, or NaN
     */
    public static double finalValue(List<Map<String, Object>> rows, String key) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            Map<String, Object> r = rows.get(i);
            if (r.containsKey("final")) {
                return r.get(key) instanceof Number v ? v.doubleValue() : Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * A solid series of {@code key} against step, without non-positive values on a log axis.
     *
     * @param name the series' name
     * @param rows the metrics rows
     * @param key the metric
     * @param logY whether the y axis is logarithmic
     * @return the series
     */
    public static Series series(String name, List<Map<String, Object>> rows, String key, boolean logY) {
        Curve c = curve(rows, key);
        return Series.of(name, c.steps(), c.values()).positive(false, logY);
    }

    /**
     * A line chart, or null when nothing is drawable.
     *
     * @param p the chart
     * @return the chart, or null
     */
    public static Plot plotOrNull(LinePlot p) {
        return p.hasData() ? p.plot() : null;
    }

    /**
     * The mean of the finite values, or NaN when there is none.
     *
     * @param v the values
     * @return the mean
     */
    public static double mean(double[] v) {
        double s = 0;
        int n = 0;
        for (double x : v) {
            if (Double.isFinite(x)) {
                s += x;
                n++;
            }
        }
        return n == 0 ? Double.NaN : s / n;
    }

    /**
     * The median of the finite values, or NaN when there is none.
     *
     * @param v the values
     * @return the median
     */
    public static double median(double[] v) {
        double[] f = java.util.Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
        if (f.length == 0) {
            return Double.NaN;
        }
        return f.length % 2 == 1 ? f[f.length / 2] : 0.5 * (f[f.length / 2 - 1] + f[f.length / 2]);
    }
}
