package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Line chart of one or more series against a shared x axis, typically metrics against the
 * training step: loss and accuracy curves, sharpness with the 2/h stability threshold as a dashed
 * series, gradient norm on a log axis.
 *
 * <pre>{@code
 * Plot p = new LinePlot("Sharpness").xLabel("step").yLabel("λ_max")
 *         .add(Series.of("sharpness", steps, lam))
 *         .add(Series.dashed("2/h", steps, twoOverH))
 *         .plot();
 * p.write(Path.of("sharpness.png"), Path.of("sharpness.svg"));
 * }</pre>
 */
public final class LinePlot extends AxesPlot<LinePlot> {
    /** Longer series are thinned (keeping spikes) to this many points before drawing. */
    public static final int MAX_POINTS = 2400;
    private static final int MARKER_LIMIT = 60;

    private final List<Series> series = new ArrayList<>();

    /**
     * A line chart with this title (x axis "step" until {@code xLabel(String)} says otherwise).
     *
     * @param title the chart's title
     */
    public LinePlot(String title) {
        super(title, "step");
    }

    @Override
    LinePlot self() {
        return this;
    }

    /**
     * Adds a series; series without a colour of their own take the {@link Theme} palette in order (blue first).
     *
     * @param s the series
     * @return this chart
     */
    public LinePlot add(Series s) {
        series.add(s);
        return this;
    }

    /**
     * Whether any series has a point to draw (after the log-axis filtering).
     *
     * @return whether there is a point
     */
    public boolean hasData() {
        return series.stream().anyMatch(s -> usable(s).size() > 0);
    }

    private Series usable(Series s) {
        return logX || logY ? s.positive(logX, logY) : s;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException when no series has a drawable point
     */
    public Plot plot() {
        if (!hasData()) {
            throw empty();
        }
        double xMax = 0;
        double yMax = 0;
        for (Series raw : series) {
            Series s = usable(raw);
            for (int k = 0; k < s.size(); k++) {
                xMax = Math.max(xMax, Math.abs(s.x()[k]));
                yMax = Math.max(yMax, Math.abs(s.y()[k]));
            }
        }
        XYChart chart = chart(xMax, yMax, series.stream().map(Series::name).toList());
        int i = 0;
        for (Series raw : series) {
            Series s = usable(raw).decimate(MAX_POINTS);
            Color colour = s.colour() != null ? s.colour() : Theme.series(i++);
            if (s.size() == 0) {
                continue;
            }
            String name = s.name();
            for (int k = 2; chart.getSeriesMap().containsKey(name); k++) {
                name = s.name() + " (" + k + ")";
            }
            XYSeries xs = chart.addSeries(name, s.x(), s.y());
            xs.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
            xs.setLineColor(colour);
            xs.setMarkerColor(colour);
            xs.setLineStyle(s.dashed() ? SeriesLines.DASH_DASH : new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            xs.setMarker(s.size() <= MARKER_LIMIT && !s.dashed() ? SeriesMarkers.CIRCLE : SeriesMarkers.NONE);
        }
        niceTicks(chart);
        return Plot.of(chart);
    }

    /**
     * XChart puts the x ticks on data points (every k-th step: 0, 39, 78, …) when all x values
     * are equally spaced, as training steps are. An invisible two-point series at an odd offset
     * breaks the equal spacing, so the axis gets round ticks (0, 200, 400, …) instead.
     */
    private static void niceTicks(XYChart chart) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        double y = Double.NaN;
        for (XYSeries s : chart.getSeriesMap().values()) {
            for (double x : s.getXData()) {
                lo = Math.min(lo, x);
                hi = Math.max(hi, x);
            }
            if (Double.isNaN(y) && s.getYData().length > 0) {
                y = s.getYData()[0];
            }
        }
        if (!(hi > lo)) {
            return;
        }
        double odd = lo + (hi - lo) * 0.0123456789;
        XYSeries h = chart.addSeries("(tick helper)", new double[] {lo, odd}, new double[] {y, y});
        h.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        h.setLineStyle(SeriesLines.NONE);
        h.setMarker(SeriesMarkers.NONE);
        h.setShowInLegend(false);
    }
}
