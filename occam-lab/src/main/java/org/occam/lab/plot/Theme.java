package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;

/**
 * The look shared by every chart: fixed sizes, fonts large enough to read when a chart is shown
 * at half width, and a colour-blind-safe series palette (Okabe and Ito).
 */
public final class Theme {
    private Theme() {
    }

    /** Default chart width in pixels. */
    public static final int WIDTH = 800;
    /** Default chart height in pixels. */
    public static final int HEIGHT = 500;

    /** Chart titles. */
    public static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 18);
    /** Axis titles. */
    public static final Font AXIS_TITLE = new Font(Font.SANS_SERIF, Font.PLAIN, 15);
    /** Tick labels and legends. */
    public static final Font TICKS = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    /** Numbers written in heatmap cells and point labels. */
    public static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** Text and axis colour. */
    public static final Color INK = new Color(0x222222);
    /** Grid lines. */
    public static final Color GRID = new Color(0xDDDDDD);

    private static final Color[] SERIES = {
        new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
        new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0x999999),
    };

    /**
     * The colour of the i-th series: the eight of the palette, then further hues spaced by the golden
     * angle at two lightnesses, so that no two series of a chart share a colour.
     *
     * @param i the series' index
     * @return its colour
     */
    public static Color series(int i) {
        if (i >= 0 && i < SERIES.length) {
            return SERIES[i];
        }
        int k = Math.floorMod(i, 1 << 16) - SERIES.length;
        float hue = (float) ((0.13 + k * 0.381966) % 1.0);
        return Color.getHSBColor(hue, 0.75f, k % 2 == 0 ? 0.62f : 0.85f);
    }

    /**
     * All series colours, in order.
     *
     * @return the colours
     */
    public static Color[] seriesColors() {
        return SERIES.clone();
    }

    /**
     * Applies the theme to an XChart axes chart (line and scatter plots).
     *
     * @param s the chart's styler
     */
    public static void apply(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(INK);
        s.setPlotGridLinesColor(GRID);
        s.setPlotGridLinesStroke(new BasicStroke(1f));
        s.setChartFontColor(INK);
        s.setChartTitleFont(TITLE);
        s.setChartTitleBoxVisible(false);
        s.setAxisTitleFont(AXIS_TITLE);
        s.setAxisTickLabelsFont(TICKS);
        s.setAxisTickLabelsColor(INK);
        s.setLegendFont(TICKS);
        s.setLegendPosition(Styler.LegendPosition.OutsideS);
        s.setLegendLayout(Styler.LegendLayout.Horizontal);
        s.setLegendBorderColor(Color.WHITE);
        s.setSeriesColors(seriesColors());
        s.setAnnotationTextFont(SMALL);
        s.setAnnotationTextFontColor(INK);
        s.setChartPadding(12);
        s.setToolTipsEnabled(false);
    }

    /**
     * Lays the legend (below the plot) out in one row when the labels fit the chart's width, else
     * one label a row, so long series names are never cut off at the right edge.
     *
     * @param s the chart's styler
     * @param labels the legend's labels
     * @param width the chart's width
     */
    public static void legendFor(AxesChartStyler s, java.util.List<String> labels, int width) {
        int chars = 0;
        for (String l : labels) {
            chars += l.length() + 6; // the marker and the gap after each entry
        }
        // about 7 px a character at the tick font
        s.setLegendLayout(chars * 7 < width - 40 ? Styler.LegendLayout.Horizontal : Styler.LegendLayout.Vertical);
    }

    /**
     * Sets log or linear axes. Linear axes keep XChart's tick placement and labels, except that
     * an axis whose values are all tiny or huge (largest magnitude below 1e-3 or from 1e6 up)
     * gets scientific labels. (XChart's label-formatting functions are not used: they override
     * log scales and place ticks on data points.)
     *
     * @param xMaxAbs the largest |x| drawn
     * @param yMaxAbs the largest |y| drawn
     * @param s the chart's styler
     * @param logX whether x is logarithmic
     * @param logY whether y is logarithmic
     */
    public static void axes(AxesChartStyler s, boolean logX, boolean logY, double xMaxAbs, double yMaxAbs) {
        s.setXAxisLogarithmic(logX);
        s.setYAxisLogarithmic(logY);
        if (!logX && extreme(xMaxAbs)) {
            s.setXAxisDecimalPattern("0.##E0");
        }
        if (!logY && extreme(yMaxAbs)) {
            s.setYAxisDecimalPattern("0.##E0");
        }
    }

    private static boolean extreme(double maxAbs) {
        return maxAbs > 0 && (maxAbs < 1e-3 || maxAbs >= 1e6);
    }
}
