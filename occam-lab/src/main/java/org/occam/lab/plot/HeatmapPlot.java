package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.util.List;

/**
 * A table of coloured cells with the value written in each: final metrics of a sweep over two
 * parameters (learning rate × batch size, say). Rows are drawn from the bottom up, so an
 * increasing row parameter grows upwards like a y axis. A missing value (NaN) leaves the cell
 * light grey; a note (such as "div" for a diverged run) replaces the number and, on a NaN cell,
 * is written on a darker grey.
 *
 * <pre>{@code
 * Plot p = new HeatmapPlot("Test accuracy").xLabel("batch size").yLabel("learning rate")
 *         .columns(List.of("32", "128")).rows(List.of("0.01", "0.1"))
 *         .values(new double[][] {{0.91, 0.90}, {0.95, Double.NaN}})
 *         .notes(new String[][] {{null, null}, {null, "div"}}).plot();
 * }</pre>
 */
public final class HeatmapPlot {
    private static final Color EMPTY = new Color(0xF2F2F2);
    private static final Color NOTE = new Color(0xBDBDBD);

    private final String title;
    private String xLabel = "";
    private String yLabel = "";
    private List<String> columns = List.of();
    private List<String> rows = List.of();
    private double[][] values;
    private String[][] notes;
    private int digits = 3;
    private int width = Theme.WIDTH;
    private int height = Theme.HEIGHT;

    /**
     * A heatmap with this title.
     *
     * @param title the chart's title
     */
    public HeatmapPlot(String title) {
        this.title = title;
    }

    /**
     * The x-axis title (the column parameter).
     *
     * @param label the title
     * @return this chart
     */
    public HeatmapPlot xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    /**
     * The y-axis title (the row parameter).
     *
     * @param label the title
     * @return this chart
     */
    public HeatmapPlot yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /**
     * Column labels, left to right.
     *
     * @param labels the column labels, left to right
     * @return this chart
     */
    public HeatmapPlot columns(List<String> labels) {
        this.columns = List.copyOf(labels);
        return this;
    }

    /**
     * Row labels, bottom to top.
     *
     * @param labels the row labels, bottom to top
     * @return this chart
     */
    public HeatmapPlot rows(List<String> labels) {
        this.rows = List.copyOf(labels);
        return this;
    }

    /**
     * Cell values {@code v[row][column]}; NaN for a missing cell.
     *
     * @param v the values
     * @return this chart
     */
    public HeatmapPlot values(double[][] v) {
        this.values = v;
        return this;
    }

    /**
     * Optional cell texts {@code n[row][column]} written instead of the number (null: the number).
     *
     * @param n the texts
     * @return this chart
     */
    public HeatmapPlot notes(String[][] n) {
        this.notes = n;
        return this;
    }

    /**
     * Significant digits of the numbers in the cells (default 3).
     *
     * @param d the digits
     * @return this chart
     */
    public HeatmapPlot digits(int d) {
        this.digits = d;
        return this;
    }

    /**
     * Chart size in pixels (default 800×500).
     *
     * @param w the width
     * @param h the height
     * @return this chart
     */
    public HeatmapPlot size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException when the values do not match the row and column labels
     */
    public Plot plot() {
        Headless.ensure();
        if (rows.isEmpty() || columns.isEmpty()) {
            throw new IllegalArgumentException("heatmap '" + title + "' needs at least one row and one column");
        }
        check(values, "values");
        if (notes != null) {
            check(notes, "notes");
        }
        double[][] v = new double[rows.size()][];
        String[][] n = new String[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            v[r] = values[r].clone();
            n[r] = notes == null ? new String[columns.size()] : notes[r].clone();
        }
        return new Drawn(title, xLabel, yLabel, columns, rows, v, n, digits, width, height);
    }

    private void check(Object[] a, String what) {
        if (a == null || a.length != rows.size()) {
            throw new IllegalArgumentException("heatmap '" + title + "': " + what + " must have one entry per row (" + rows.size() + ")");
        }
        for (Object row : a) {
            int len = row instanceof double[] d ? d.length : ((Object[]) row).length;
            if (len != columns.size()) {
                throw new IllegalArgumentException("heatmap '" + title + "': every row of " + what + " must have " + columns.size() + " cells");
            }
        }
    }

    /** The finished chart. */
    private record Drawn(String title, String xLabel, String yLabel, List<String> columns, List<String> rows,
            double[][] values, String[][] notes, int digits, int width, int height) implements Plot {
        @Override
        public void paint(Graphics2D g) {
            HeatmapPlot.paint(g, this);
        }
    }

    private static void paint(Graphics2D g, Drawn d) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, d.width, d.height);
        Draw.title(g, d.title, d.width);
        g.setFont(Theme.TICKS);
        FontMetrics fm = g.getFontMetrics();
        int labelW = 0;
        for (String r : d.rows) {
            labelW = Math.max(labelW, fm.stringWidth(Draw.shorten(r, 14)));
        }
        int left = labelW + 44;
        Rectangle area = new Rectangle(left, 46, d.width - left - 118, d.height - 46 - 70);
        int nr = d.rows.size();
        int nc = d.columns.size();
        double cw = (double) area.width / nc;
        double ch = (double) area.height / nr;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : d.values) {
            for (double x : row) {
                if (Double.isFinite(x)) {
                    lo = Math.min(lo, x);
                    hi = Math.max(hi, x);
                }
            }
        }
        Font cellFont = Theme.TICKS.deriveFont(Font.BOLD, 14f);
        for (int r = 0; r < nr; r++) {
            for (int c = 0; c < nc; c++) {
                double x0 = area.x + c * cw;
                double y0 = area.y + (nr - 1 - r) * ch;
                Rectangle cell = new Rectangle((int) Math.round(x0), (int) Math.round(y0),
                        (int) Math.round(x0 + cw) - (int) Math.round(x0), (int) Math.round(y0 + ch) - (int) Math.round(y0));
                double v = d.values[r][c];
                String note = d.notes[r][c];
                Color fill = Double.isFinite(v) ? ColorMap.at(hi > lo ? (v - lo) / (hi - lo) : 0.5) : note != null ? NOTE : EMPTY;
                g.setColor(fill);
                g.fillRect(cell.x, cell.y, cell.width, cell.height);
                String text = note != null ? note : Double.isFinite(v) ? Numbers.compact(v, d.digits) : null;
                if (text != null) {
                    cellText(g, text, cell, cellFont, ColorMap.textOn(fill));
                }
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(1f));
        for (int c = 1; c < nc; c++) {
            int x = (int) Math.round(area.x + c * cw);
            g.drawLine(x, area.y, x, area.y + area.height);
        }
        for (int r = 1; r < nr; r++) {
            int y = (int) Math.round(area.y + r * ch);
            g.drawLine(area.x, y, area.x + area.width, y);
        }
        g.setColor(Theme.INK);
        g.drawRect(area.x, area.y, area.width, area.height);
        g.setFont(Theme.TICKS);
        for (int r = 0; r < nr; r++) {
            Draw.rightAligned(g, Draw.shorten(d.rows.get(r), 14), area.x - 8, area.y + (nr - 1 - r + 0.5) * ch);
        }
        int widest = 0;
        for (String c : d.columns) {
            widest = Math.max(widest, fm.stringWidth(Draw.shorten(c, 14)));
        }
        int every = Math.max(1, (int) Math.ceil((widest + 8) / cw));
        for (int c = 0; c < nc; c += every) {
            Draw.centred(g, Draw.shorten(d.columns.get(c), 14), area.x + (c + 0.5) * cw, area.y + area.height + 20);
        }
        g.setFont(Theme.AXIS_TITLE);
        Draw.centred(g, d.xLabel, area.x + area.width / 2.0, area.y + area.height + 46);
        Draw.vertical(g, d.yLabel, area.x - labelW - 26, area.y + area.height / 2.0);
        if (lo <= hi) {
            Draw.colorBar(g, new Rectangle(area.x + area.width + 18, area.y, 18, area.height), new double[] {lo, hi}, false);
        }
    }

    private static void cellText(Graphics2D g, String text, Rectangle cell, Font font, Color colour) {
        for (Font f : new Font[] {font, font.deriveFont(11f)}) {
            g.setFont(f);
            FontMetrics fm = g.getFontMetrics();
            if (fm.stringWidth(text) + 4 <= cell.width && fm.getAscent() + 2 <= cell.height) {
                g.setColor(colour);
                Draw.middle(g, text, cell.getCenterX(), cell.getCenterY());
                return;
            }
        }
    }
}
