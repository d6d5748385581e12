package org.occam.lab.plot;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Scatter plot, e.g. test accuracy against geometric complexity with one point per run. Points
 * may carry a label (a run id) written just above them; several groups get several colours.
 *
 * <pre>{@code
 * Plot p = new ScatterPlot("Test accuracy vs GC").xLabel("GC").yLabel("test accuracy")
 *         .add("lr=0.1", gc, acc, runIds).plot();
 * }</pre>
 */
public final class ScatterPlot extends AxesPlot<ScatterPlot> {
    private record Group(String name, double[] x, double[] y, String[] labels) {
    }

    private final List<Group> groups = new ArrayList<>();

    /**
     * A scatter plot with this title.
     *
     * @param title the chart's title
     */
    public ScatterPlot(String title) {
        super(title, "");
    }

    @Override
    ScatterPlot self() {
        return this;
    }

    /**
     * Adds a group of points; {@code labels} may be null (no labels) or hold one label (or null)
     * per point. Points with a non-finite coordinate are left out.
     *
     * @param name the group's name
     * @param x the abscissae
     * @param y the ordinates
     * @param labels the point labels, or null
     * @return this chart
     */
    public ScatterPlot add(String name, double[] x, double[] y, String[] labels) {
        if (x.length != y.length || labels != null && labels.length != x.length) {
            throw new IllegalArgumentException("scatter group '" + name + "': x, y and labels differ in length");
        }
        groups.add(new Group(name, x.clone(), y.clone(), labels == null ? null : labels.clone()));
        return this;
    }

    private boolean keep(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!logX || x > 0) && (!logY || y > 0);
    }

    /**
     * Whether any point can be drawn.
     *
     * @return whether there is a point
     */
    public boolean hasData() {
        for (Group g : groups) {
            for (int k = 0; k < g.x.length; k++) {
                if (keep(g.x[k], g.y[k])) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException when there is no drawable point
     */
    public Plot plot() {
        if (!hasData()) {
            throw empty();
        }
        double xMax = 0;
        double yMax = 0;
        for (Group g : groups) {
            for (int k = 0; k < g.x.length; k++) {
                if (keep(g.x[k], g.y[k])) {
                    xMax = Math.max(xMax, Math.abs(g.x[k]));
                    yMax = Math.max(yMax, Math.abs(g.y[k]));
                }
            }
        }
        XYChart chart = chart(xMax, yMax, groups.stream().map(Group::name).toList());
        chart.getStyler().setMarkerSize(10);
        double yLo = Double.POSITIVE_INFINITY;
        double yHi = Double.NEGATIVE_INFINITY;
        List<double[]> labelled = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        int i = 0;
        for (Group g : groups) {
            List<Double> xs = new ArrayList<>();
            List<Double> ys = new ArrayList<>();
            for (int k = 0; k < g.x.length; k++) {
                if (keep(g.x[k], g.y[k])) {
                    xs.add(g.x[k]);
                    ys.add(g.y[k]);
                    yLo = Math.min(yLo, g.y[k]);
                    yHi = Math.max(yHi, g.y[k]);
                    if (g.labels != null && g.labels[k] != null && !g.labels[k].isEmpty()) {
                        labelled.add(new double[] {g.x[k], g.y[k]});
                        texts.add(g.labels[k]);
                    }
                }
            }
            int colour = i++;
            if (xs.isEmpty()) {
                continue;
            }
            String name = g.name;
            for (int k = 2; chart.getSeriesMap().containsKey(name); k++) {
                name = g.name + " (" + k + ")";
            }
            XYSeries s = chart.addSeries(name, xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setMarkerColor(Theme.series(colour));
        }
        double span = yHi > yLo ? yHi - yLo : Math.max(Math.abs(yHi), 1.0);
        double[] at = new double[labelled.size()];
        if (!logY && !logX && !labelled.isEmpty()) {
            // Labels stacked so that none covers another (LabelPlacement), with room above the top one.
            double xLo = labelled.stream().mapToDouble(p -> p[0]).min().orElse(0);
            double xHi = labelled.stream().mapToDouble(p -> p[0]).max().orElse(1);
            double xSpan = xHi > xLo ? (xHi - xLo) * 1.1 : Math.max(Math.abs(xHi), 1.0);
            at = LabelPlacement.place(labelled.stream().mapToDouble(p -> p[0]).toArray(),
                    labelled.stream().mapToDouble(p -> p[1]).toArray(), texts, xSpan, span * 1.15);
            double top = Math.max(yHi, Arrays.stream(at).max().orElse(yHi) + LabelPlacement.HEIGHT * span * 1.15);
            chart.getStyler().setYAxisMax(top + 0.02 * span);
        } else {
            for (int k = 0; k < labelled.size(); k++) {
                at[k] = logY ? labelled.get(k)[1] * 1.06 : labelled.get(k)[1] + 0.035 * span;
            }
        }
        for (int k = 0; k < labelled.size(); k++) {
            chart.addAnnotation(new AnnotationText(texts.get(k), labelled.get(k)[0], at[k], false));
        }
        return Plot.of(chart);
    }
}
