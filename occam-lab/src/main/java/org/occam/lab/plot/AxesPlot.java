package org.occam.lab.plot;

import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * What {@link LinePlot} and {@link ScatterPlot} share: title, axis titles, log axes and size,
 * set fluently, and the themed XY chart they draw on.
 *
 * @param <P> the concrete builder, so that the setters chain
 */
abstract class AxesPlot<P extends AxesPlot<P>> {
    final String title;
    String xLabel;
    String yLabel = "";
    boolean logX;
    boolean logY;
    int width = Theme.WIDTH;
    int height = Theme.HEIGHT;

    AxesPlot(String title, String xLabel) {
        this.title = title;
        this.xLabel = xLabel;
    }

    abstract P self();

    /**
     * The x-axis title.
     *
     * @param label the title
     * @return this chart
     */
    public P xLabel(String label) {
        this.xLabel = label;
        return self();
    }

    /**
     * The y-axis title.
     *
     * @param label the title
     * @return this chart
     */
    public P yLabel(String label) {
        this.yLabel = label;
        return self();
    }

    /**
     * Logarithmic x axis; points with x ≤ 0 are left out.
     *
     * @param on whether it is logarithmic
     * @return this chart
     */
    public P logX(boolean on) {
        this.logX = on;
        return self();
    }

    /**
     * Logarithmic y axis; points with y ≤ 0 are left out.
     *
     * @param on whether it is logarithmic
     * @return this chart
     */
    public P logY(boolean on) {
        this.logY = on;
        return self();
    }

    /**
     * Chart size in pixels (default 800×500).
     *
     * @param w the width
     * @param h the height
     * @return this chart
     */
    public P size(int w, int h) {
        this.width = w;
        this.height = h;
        return self();
    }

    /**
     * A themed chart with this title and these axes, scaled for data reaching |x| ≤ xMax and
     * |y| ≤ yMax, and a legend of these names when there is more than one.
     */
    XYChart chart(double xMax, double yMax, List<String> legend) {
        Headless.ensure();
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle(xLabel);
        chart.setYAxisTitle(yLabel);
        Theme.apply(chart.getStyler());
        Theme.axes(chart.getStyler(), logX, logY, xMax, yMax);
        chart.getStyler().setLegendVisible(legend.size() > 1);
        Theme.legendFor(chart.getStyler(), legend, width);
        return chart;
    }

    /** The error for a chart with nothing to draw. */
    IllegalArgumentException empty() {
        return new IllegalArgumentException("chart '" + title + "' has no finite points to draw");
    }
}
