package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Two-dimensional trajectories (gradient descent, gradient flow, modified flows) drawn over the
 * contours of a loss surface. The surface is a {@link Grid}; it is shown as filled bands of the
 * viridis map with thin iso-lines (the default) or as coloured iso-lines on white. Each trajectory
 * is a polyline with an open circle at its start and a filled circle at its end.
 *
 * <pre>{@code
 * Grid g = Grid.sample(-2, 2, -2, 2, 121, 121, (x, y) -> x * x + 10 * y * y);
 * Plot p = new ContourPlot("GD on a quadratic").grid(g).xLabel("θ₁").yLabel("θ₂")
 *         .trajectory("h = 0.09", xs, ys).plot();
 * }</pre>
 */
public final class ContourPlot {
    private record Path(String name, double[] x, double[] y) {
    }

    private final String title;
    private String xLabel = "x";
    private String yLabel = "y";
    private Grid grid;
    private int levels = 12;
    private boolean logLevels;
    private boolean filled = true;
    private double zLo = Double.NaN;
    private double zHi = Double.NaN;
    private int width = Theme.WIDTH;
    private int height = 600;
    private final List<Path> paths = new ArrayList<>();

    /**
     * A contour plot with this title.
     *
     * @param title the chart's title
     */
    public ContourPlot(String title) {
        this.title = title;
    }

    /**
     * The surface to draw (required).
     *
     * @param g the grid
     * @return this chart
     */
    public ContourPlot grid(Grid g) {
        this.grid = g;
        return this;
    }

    /**
     * The x-axis title.
     *
     * @param label the title
     * @return this chart
     */
    public ContourPlot xLabel(String label) {
        this.xLabel = label;
        return this;
    }

    /**
     * The y-axis title.
     *
     * @param label the title
     * @return this chart
     */
    public ContourPlot yLabel(String label) {
        this.yLabel = label;
        return this;
    }

    /**
     * Number of bands between the lowest and highest value (default 12, at least 2).
     *
     * @param n the number of bands
     * @return this chart
     */
    public ContourPlot levels(int n) {
        if (n < 2) {
            throw new IllegalArgumentException("a contour plot needs at least 2 levels, not " + n);
        }
        this.levels = n;
        return this;
    }

    /**
     * Geometrically spaced levels, for losses spanning orders of magnitude. Ignored (linear levels
     * are used) when the value range is not strictly positive.
     *
     * @param on whether the levels are geometric
     * @return this chart
     */
    public ContourPlot logLevels(boolean on) {
        this.logLevels = on;
        return this;
    }

    /**
     * Filled bands with thin iso-lines (true, the default) or coloured iso-lines on white.
     *
     * @param on whether the bands are filled
     * @return this chart
     */
    public ContourPlot filled(boolean on) {
        this.filled = on;
        return this;
    }

    /**
     * Clamps the colour scale to [lo, hi] (values outside take the end colours).
     *
     * @param lo the lowest colour's value
     * @param hi the highest colour's value
     * @return this chart
     */
    public ContourPlot range(double lo, double hi) {
        if (!(hi > lo)) {
            throw new IllegalArgumentException("contour range must be increasing: [" + lo + ", " + hi + "]");
        }
        this.zLo = lo;
        this.zHi = hi;
        return this;
    }

    /**
     * Chart size in pixels (default 800×600).
     *
     * @param w the width
     * @param h the height
     * @return this chart
     */
    public ContourPlot size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /**
     * Adds a trajectory: the points (x[k], y[k]) in order.
     *
     * @param name the legend's name
     * @param x the abscissae
     * @param y the ordinates
     * @return this chart
     */
    public ContourPlot trajectory(String name, double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("trajectory '" + name + "': " + x.length + " x values but " + y.length + " y values");
        }
        paths.add(new Path(name, x.clone(), y.clone()));
        return this;
    }

    /**
     * Builds the chart.
     *
     * @return the chart
     * @throws IllegalArgumentException when there is no grid or it has no finite value
     */
    public Plot plot() {
        Headless.ensure();
        if (grid == null) {
            throw new IllegalArgumentException("contour plot '" + title + "' has no grid");
        }
        double[] r = grid.finiteRange();
        if (Double.isNaN(r[0])) {
            throw new IllegalArgumentException("contour plot '" + title + "': the grid has no finite value");
        }
        double lo = Double.isNaN(zLo) ? r[0] : zLo;
        double hi = Double.isNaN(zHi) ? r[1] : zHi;
        if (!(hi > lo)) {
            hi = lo + Math.max(1e-12, Math.abs(lo) * 1e-6);
        }
        double[] bounds = bounds(lo, hi, levels, logLevels && lo > 0);
        return new Drawn(title, xLabel, yLabel, grid, bounds, List.copyOf(paths), filled, width, height);
    }

    /** The finished chart: a snapshot of the builder's settings. */
    private record Drawn(String title, String xLabel, String yLabel, Grid grid, double[] bounds, List<Path> paths,
            boolean fill, int width, int height) implements Plot {
        @Override
        public void paint(Graphics2D g) {
            ContourPlot.paint(g, this);
        }
    }

    static double[] bounds(double lo, double hi, int n, boolean log) {
        double[] b = new double[n + 1];
        for (int k = 0; k <= n; k++) {
            b[k] = log ? lo * Math.pow(hi / lo, (double) k / n) : lo + (hi - lo) * k / n;
        }
        return b;
    }

    static int band(double v, double[] bounds) {
        int n = bounds.length - 1;
        for (int k = 1; k < n; k++) {
            if (v < bounds[k]) {
                return k - 1;
            }
        }
        return n - 1;
    }

    private static final Color[] PATH_COLOURS = {
        new Color(0xD55E00), Color.BLACK, new Color(0xCC79A7), new Color(0xE69F00), new Color(0x0072B2), new Color(0x56B4E9),
    };

    private static Color pathColour(int k) {
        return PATH_COLOURS[k % PATH_COLOURS.length];
    }

    private static void paint(Graphics2D g, Drawn d) {
        Grid gr = d.grid;
        double[] bounds = d.bounds;
        List<Path> ps = d.paths;
        boolean fill = d.fill;
        int w = d.width;
        int h = d.height;
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, w, h);
        Draw.title(g, d.title, w);
        Rectangle area = new Rectangle(84, 46, w - 84 - 128, h - 46 - 66);
        Frame f = new Frame(area, gr.xMin(), gr.xMax(), gr.yMin(), gr.yMax());
        g.drawImage(field(gr, f, bounds, fill), area.x, area.y, null);
        Shape clip = g.getClip();
        g.clip(area);
        isoLines(g, gr, f, bounds, fill);
        for (int k = 0; k < ps.size(); k++) {
            trajectory(g, f, ps.get(k), pathColour(k));
        }
        g.setClip(clip);
        f.axes(g, d.xLabel, d.yLabel);
        Draw.colorBar(g, new Rectangle(area.x + area.width + 18, area.y, 18, area.height), bounds, true);
        legend(g, area, ps);
    }

    private static BufferedImage field(Grid gr, Frame f, double[] bounds, boolean fill) {
        Rectangle a = f.area;
        BufferedImage img = new BufferedImage(a.width, a.height, BufferedImage.TYPE_INT_RGB);
        int n = bounds.length - 1;
        for (int row = 0; row < a.height; row++) {
            double y = f.dataY(row);
            for (int col = 0; col < a.width; col++) {
                double v = gr.at(f.dataX(col), y);
                int rgb;
                if (!Double.isFinite(v)) {
                    rgb = 0xC8C8C8;
                } else if (fill) {
                    rgb = ColorMap.rgb((band(v, bounds) + 0.5) / n);
                } else {
                    rgb = 0xFFFFFF;
                }
                img.setRGB(col, row, rgb);
            }
        }
        return img;
    }

    private static void isoLines(Graphics2D g, Grid gr, Frame f, double[] bounds, boolean fill) {
        int n = bounds.length - 1;
        g.setStroke(new BasicStroke(fill ? 0.8f : 1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        for (int k = 1; k < n; k++) {
            g.setColor(fill ? new Color(0, 0, 0, 90) : ColorMap.at((double) k / n));
            Path2D.Double p = new Path2D.Double();
            for (double[] s : Contours.segments(gr, bounds[k])) {
                p.moveTo(f.px(s[0]), f.py(s[1]));
                p.lineTo(f.px(s[2]), f.py(s[3]));
            }
            g.draw(p);
        }
    }

    private static void trajectory(Graphics2D g, Frame f, Path p, Color c) {
        int n = p.x.length;
        if (n == 0) {
            return;
        }
        Path2D.Double line = new Path2D.Double();
        boolean pen = false;
        for (int k = 0; k < n; k++) {
            if (!Double.isFinite(p.x[k]) || !Double.isFinite(p.y[k])) {
                pen = false;
                continue;
            }
            double x = f.px(p.x[k]);
            double y = f.py(p.y[k]);
            if (pen) {
                line.lineTo(x, y);
            } else {
                line.moveTo(x, y);
                pen = true;
            }
        }
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        g.setColor(c);
        g.setStroke(new BasicStroke(2.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(line);
        if (n <= 150) {
            for (int k = 0; k < n; k++) {
                if (Double.isFinite(p.x[k]) && Double.isFinite(p.y[k])) {
                    g.fill(new Ellipse2D.Double(f.px(p.x[k]) - 2.5, f.py(p.y[k]) - 2.5, 5, 5));
                }
            }
        }
        int first = 0;
        while (first < n && !(Double.isFinite(p.x[first]) && Double.isFinite(p.y[first]))) {
            first++;
        }
        int last = n - 1;
        while (last >= 0 && !(Double.isFinite(p.x[last]) && Double.isFinite(p.y[last]))) {
            last--;
        }
        if (first <= last) {
            marker(g, f.px(p.x[first]), f.py(p.y[first]), c, false);
            marker(g, f.px(p.x[last]), f.py(p.y[last]), c, true);
        }
    }

    private static void marker(Graphics2D g, double x, double y, Color c, boolean solid) {
        Ellipse2D.Double e = new Ellipse2D.Double(x - 6, y - 6, 12, 12);
        g.setColor(solid ? c : Color.WHITE);
        g.fill(e);
        g.setColor(solid ? Color.WHITE : c);
        g.setStroke(new BasicStroke(2f));
        g.draw(e);
    }

    private static void legend(Graphics2D g, Rectangle area, List<Path> ps) {
        if (ps.isEmpty()) {
            return;
        }
        g.setFont(Theme.SMALL);
        FontMetrics fm = g.getFontMetrics();
        List<String> names = new ArrayList<>();
        for (Path p : ps) {
            names.add(Draw.shorten(p.name, 40));
        }
        names.add("○ start   ● end");
        int textW = names.stream().mapToInt(fm::stringWidth).max().orElse(0);
        int lineH = fm.getHeight() + 2;
        Rectangle box = new Rectangle(area.x + 10, area.y + 10, textW + 46, lineH * names.size() + 8);
        Draw.legendBox(g, box);
        for (int k = 0; k < names.size(); k++) {
            int y = box.y + 4 + lineH * k + lineH / 2;
            if (k < ps.size()) {
                g.setColor(pathColour(k));
                g.setStroke(new BasicStroke(2.5f));
                g.draw(new Line2D.Double(box.x + 8, y, box.x + 32, y));
            }
            g.setColor(Theme.INK);
            g.drawString(names.get(k), box.x + 38, y + (fm.getAscent() - fm.getDescent()) / 2f);
        }
    }
}
