package org.occam.lab.plot;

import java.awt.Graphics2D;
import java.io.IOException;
import java.nio.file.Path;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * A chart of fixed size that can paint itself on any {@link Graphics2D}: a bitmap for PNG, a
 * vector canvas for SVG. The builders in this package ({@link LinePlot}, {@link ScatterPlot},
 * {@link HeatmapPlot}, {@link ContourPlot}) all produce one; {@link PlotFiles} writes it out.
 */
public interface Plot {
    /**
     * Width in pixels.
     *
     * @return the width
     */
    int width();

    /**
     * Height in pixels.
     *
     * @return the height
     */
    int height();

    /**
     * Paints the whole chart, background included, in the box (0, 0, width, height).
     *
     * @param g the graphics to paint on
     */
    void paint(Graphics2D g);

    /**
     * Writes this chart to each path; the format follows the extension ({@code .png} or {@code .svg}).
     *
     * @param paths the files
     * @throws IOException when writing fails
     */
    default void write(Path... paths) throws IOException {
        for (Path p : paths) {
            PlotFiles.write(this, p);
        }
    }

    /**
     * This chart as PNG bytes.
     *
     * @return the PNG
     */
    default byte[] png() {
        return PlotFiles.png(this);
    }

    /**
     * An XChart chart as a plot.
     *
     * @param chart the XChart chart
     * @return the plot
     */
    static Plot of(Chart<?, ?> chart) {
        return new Plot() {
            @Override
            public int width() {
                return chart.getWidth();
            }

            @Override
            public int height() {
                return chart.getHeight();
            }

            @Override
            public void paint(Graphics2D g) {
                chart.paint(g, chart.getWidth(), chart.getHeight());
            }
        };
    }
}
