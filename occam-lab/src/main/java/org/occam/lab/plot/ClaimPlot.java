package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * One claim over seeds: the per-seed effects as points (x = seed number), and their mean with the
 * 95 % interval as an error bar at the right, beside a dashed line at zero effect (and at ±tolerance
 * for an equivalence claim).
 *
 * <pre>{@code
 * Plot p = new ClaimPlot("EOS-1 sharpening", "ln(λ peak / λ0)").seeds(values, 0).interval(mean, lo, hi).plot();
 * }</pre>
 */
public final class ClaimPlot extends AxesPlot<ClaimPlot> {
    private double[] perSeed = new double[0];
    private double mean = Double.NaN;
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private double tolerance;

    /**
     * A claim chart with this title and y-axis title.
     *
     * @param title the chart's title
     * @param yLabel the y-axis title
     */
    public ClaimPlot(String title, String yLabel) {
        super(title, "seed (the error bar: mean and 95 % interval)");
        yLabel(yLabel);
    }

    @Override
    ClaimPlot self() {
        return this;
    }

    /**
     * The per-seed effects.
     *
     * @param effects one per seed
     * @return this chart
     */
    public ClaimPlot seeds(double[] effects) {
        this.perSeed = effects.clone();
        return this;
    }

    /**
     * The mean effect and its interval (NaN ends: no interval drawn).
     *
     * @param mean the mean effect
     * @param lo the interval's lower end
     * @param hi the interval's upper end
     * @return this chart
     */
    public ClaimPlot interval(double mean, double lo, double hi) {
        this.mean = mean;
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /**
     * Dashed lines at ±tolerance (equivalence claims); 0: none.
     *
     * @param t the tolerance
     * @return this chart
     */
    public ClaimPlot tolerance(double t) {
        this.tolerance = t;
        return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException when no per-seed value is finite
     */
    public Plot plot() {
        int n = perSeed.length;
        double yMax = Math.abs(tolerance);
        int finite = 0;
        for (double v : perSeed) {
            if (Double.isFinite(v)) {
                finite++;
                yMax = Math.max(yMax, Math.abs(v));
            }
        }
        if (finite == 0) {
            throw empty();
        }
        for (double v : new double[] {mean, lo, hi}) {
            if (Double.isFinite(v)) {
                yMax = Math.max(yMax, Math.abs(v));
            }
        }
        XYChart chart = chart(n + 1, yMax, List.of("per seed", "mean, 95 % interval"));
        chart.getStyler().setMarkerSize(9);
        double[] xs = new double[finite];
        double[] ys = new double[finite];
        for (int i = 0, k = 0; i < n; i++) {
            if (Double.isFinite(perSeed[i])) {
                xs[k] = i + 1;
                ys[k++] = perSeed[i];
            }
        }
        XYSeries pts = chart.addSeries("per seed", xs, ys);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarker(SeriesMarkers.CIRCLE);
        pts.setMarkerColor(Theme.series(0));
        if (Double.isFinite(mean)) {
            double x = n + 1;
            boolean bar = Double.isFinite(lo) && Double.isFinite(hi);
            XYSeries m = chart.addSeries("mean, 95 % interval", bar ? new double[] {x, x, x} : new double[] {x},
                    bar ? new double[] {lo, mean, hi} : new double[] {mean});
            m.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            m.setLineColor(Theme.series(1));
            m.setMarkerColor(Theme.series(1));
            m.setLineStyle(new BasicStroke(3f));
            m.setMarker(SeriesMarkers.DIAMOND);
        }
        line(chart, "zero effect", 0, n + 1, Color.DARK_GRAY);
        if (tolerance > 0) {
            line(chart, "+tolerance", tolerance, n + 1, Color.GRAY);
            line(chart, "-tolerance", -tolerance, n + 1, Color.GRAY);
        }
        return Plot.of(chart);
    }

    private static void line(XYChart chart, String name, double y, double xMax, Color c) {
        XYSeries s = chart.addSeries(name, new double[] {0.5, xMax + 0.5}, new double[] {y, y});
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineStyle(SeriesLines.DASH_DASH);
        s.setLineColor(c);
        s.setMarker(SeriesMarkers.NONE);
        s.setShowInLegend(false);
    }
}
