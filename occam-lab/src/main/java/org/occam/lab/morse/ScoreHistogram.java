package org.occam.lab.morse;

import java.awt.Color;
import java.util.Arrays;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;

/**
 * Histograms of OOD scores for in-distribution and OOD inputs on shared bins, drawn as step
 * outlines of the fraction of each group per bin. The range is the 0.5th to 99.5th percentile of
 * all scores together; values outside go to the end bins.
 */
public final class ScoreHistogram {
    private ScoreHistogram() {
    }

    /** Fractions per bin, and the bin edges. */
    record Bins(double[] edges, double[] in, double[] out) {
    }

    static Bins bin(double[] in, double[] out, int bins) {
        double[] all = new double[in.length + out.length];
        System.arraycopy(in, 0, all, 0, in.length);
        System.arraycopy(out, 0, all, in.length, out.length);
        Arrays.sort(all);
        double lo = all[(int) Math.floor(0.005 * (all.length - 1))];
        double hi = all[(int) Math.ceil(0.995 * (all.length - 1))];
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double[] edges = new double[bins + 1];
        for (int i = 0; i <= bins; i++) {
            edges[i] = lo + (hi - lo) * i / bins;
        }
        return new Bins(edges, fractions(in, lo, hi, bins), fractions(out, lo, hi, bins));
    }

    private static double[] fractions(double[] v, double lo, double hi, int bins) {
        double[] f = new double[bins];
        for (double x : v) {
            int b = (int) Math.floor((x - lo) / (hi - lo) * bins);
            f[Math.max(0, Math.min(bins - 1, b))] += 1.0 / v.length;
        }
        return f;
    }

    /**
     * The chart: in-distribution in blue, OOD in orange.
     *
     * @param title the chart's title
     * @param scoreLabel the x-axis title
     * @param inName the in-distribution's name
     * @param in its scores
     * @param outName the OOD set's name
     * @param out its scores
     * @return the chart
     */
    public static Plot plot(String title, String scoreLabel, String inName, double[] in, String outName, double[] out) {
        return plot(title, scoreLabel, inName, in, outName, out, false);
    }

    /**
     * As {@link #plot(String, String, String, double[], String, double[])}; with {@code log10}, bins of log₁₀ of the scores (floored at 1e-12).
     *
     * @param title the chart's title
     * @param scoreLabel the x-axis title
     * @param inName the in-distribution's name
     * @param in its scores
     * @param outName the OOD set's name
     * @param out its scores
     * @param log10 whether to bin log₁₀ of the scores
     * @return the chart
     */
    public static Plot plot(String title, String scoreLabel, String inName, double[] in, String outName, double[] out, boolean log10) {
        if (log10) {
            in = log10(in);
            out = log10(out);
            scoreLabel = "log₁₀(" + scoreLabel + ")";
        }
        Bins b = bin(in, out, 40);
        return new LinePlot(title).xLabel(scoreLabel).yLabel("fraction of inputs per bin")
                .add(steps(inName, b.edges(), b.in()).withColour(new Color(0x0072B2)))
                .add(steps(outName, b.edges(), b.out()).withColour(new Color(0xD55E00))).plot();
    }

    private static double[] log10(double[] v) {
        double[] o = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            o[i] = Math.log10(Math.max(v[i], 1e-12));
        }
        return o;
    }

    private static Series steps(String name, double[] edges, double[] f) {
        double[] x = new double[2 * f.length + 2];
        double[] y = new double[2 * f.length + 2];
        x[0] = edges[0];
        y[0] = 0;
        for (int i = 0; i < f.length; i++) {
            x[2 * i + 1] = edges[i];
            y[2 * i + 1] = f[i];
            x[2 * i + 2] = edges[i + 1];
            y[2 * i + 2] = f[i];
        }
        x[x.length - 1] = edges[f.length];
        y[y.length - 1] = 0;
        return Series.of(name, x, y);
    }
}
