package org.occam.lab.morse;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.occam.lab.plot.ColorMap;
import org.occam.lab.plot.Grid;
import org.occam.lab.plot.Headless;
import org.occam.lab.plot.Numbers;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Theme;
import org.occam.lab.plot.Ticks;

/**
 * A 2-D field (a density, a confidence) as a continuous viridis heatmap with a colour bar, and
 * groups of points drawn over it (data, samples, OOD points), each with its colour and a legend
 * entry.
 *
 * <pre>{@code
 * Plot p = new DensityPlot("Morse density M(x)").grid(Grid.sample(-2, 3, -1.5, 2, 160, 120, m))
 *         .points("training data", xs, ys, Color.WHITE, 3).points("samples", sx, sy, Color.RED, 5).plot();
 * }</pre>
 */
public final class DensityPlot {
    private record Group(String name, double[] x, double[] y, Color colour, double size) {
    }

    private final String title;
    private Grid grid;
    private String xLabel = "x₁";
    private String yLabel = "x₂";
    private double lo = Double.NaN;
    private double hi = Double.NaN;
    private String barLabel = "";
    private final List<Group> groups = new ArrayList<>();

    /**
     * A plot with this title.
     *
     * @param title the chart's title
     */
    public DensityPlot(String title) {
        this.title = title;
    }

    /**
     * The field (required).
     *
     * @param g the field
     * @return this chart
     */
    public DensityPlot grid(Grid g) {
        this.grid = g;
        return this;
    }

    /**
     * Axis titles.
     *
     * @param x the x-axis title
     * @param y the y-axis title
     * @return this chart
     */
    public DensityPlot labels(String x, String y) {
        this.xLabel = x;
        this.yLabel = y;
        return this;
    }

    /**
     * Fixes the colour scale to [lo, hi] (default: the field's finite range).
     *
     * @param lo the lowest colour's value
     * @param hi the highest colour's value
     * @return this chart
     */
    public DensityPlot range(double lo, double hi) {
        this.lo = lo;
        this.hi = hi;
        return this;
    }

    /**
     * A title for the colour bar.
     *
     * @param label the title
     * @return this chart
     */
    public DensityPlot barLabel(String label) {
        this.barLabel = label;
        return this;
    }

    /**
     * Adds points drawn as discs of diameter {@code size} pixels.
     *
     * @param name the legend's name
     * @param x the abscissae
     * @param y the ordinates
     * @param colour the points' colour
     * @param size the diameter in pixels
     * @return this chart
     */
    public DensityPlot points(String name, double[] x, double[] y, Color colour, double size) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("point group '" + name + "': " + x.length + " x values, " + y.length + " y values");
        }
        groups.add(new Group(name, x.clone(), y.clone(), colour, size));
        return this;
    }

    /**
     * Builds the chart (800×600).
     *
     * @return the chart
     */
    public Plot plot() {
        Headless.ensure();
        if (grid == null) {
            throw new IllegalArgumentException("density plot '" + title + "' has no grid");
        }
        double[] r = grid.finiteRange();
        double a = Double.isNaN(lo) ? r[0] : lo;
        double b = Double.isNaN(hi) ? r[1] : hi;
        if (!(b > a)) {
            b = a + 1e-12 + Math.abs(a) * 1e-6;
        }
        return new Drawn(title, grid, xLabel, yLabel, barLabel, a, b, List.copyOf(groups));
    }

    private record Drawn(String title, Grid grid, String xLabel, String yLabel, String barLabel, double lo, double hi,
                         List<Group> groups) implements Plot {
        @Override
        public int width() {
            return Theme.WIDTH;
        }

        @Override
        public int height() {
            return 600;
        }

        @Override
        public void paint(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            int w = width();
            int h = height();
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.setColor(Theme.INK);
            g.setFont(Theme.TITLE);
            FontMetrics fm = g.getFontMetrics();
            g.drawString(title, (w - fm.stringWidth(title)) / 2f, 30);
            Rectangle area = new Rectangle(84, 46, w - 84 - 140, h - 46 - 66);
            g.drawImage(field(area), area.x, area.y, null);
            Shape clip = g.getClip();
            g.clip(area);
            for (Group gr : groups) {
                for (int k = 0; k < gr.x.length; k++) {
                    if (!Double.isFinite(gr.x[k]) || !Double.isFinite(gr.y[k])) {
                        continue;
                    }
                    double px = px(area, gr.x[k]);
                    double py = py(area, gr.y[k]);
                    Ellipse2D.Double e = new Ellipse2D.Double(px - gr.size / 2, py - gr.size / 2, gr.size, gr.size);
                    g.setColor(gr.colour);
                    g.fill(e);
                    g.setColor(new Color(0, 0, 0, 120));
                    g.setStroke(new BasicStroke(0.6f));
                    g.draw(e);
                }
            }
            g.setClip(clip);
            axes(g, area);
            colourBar(g, new Rectangle(area.x + area.width + 18, area.y, 18, area.height));
            legend(g, area);
        }

        private double px(Rectangle a, double x) {
            return a.x + (x - grid.xMin()) / (grid.xMax() - grid.xMin()) * a.width;
        }

        private double py(Rectangle a, double y) {
            return a.y + a.height - (y - grid.yMin()) / (grid.yMax() - grid.yMin()) * a.height;
        }

        private BufferedImage field(Rectangle a) {
            BufferedImage img = new BufferedImage(a.width, a.height, BufferedImage.TYPE_INT_RGB);
            for (int row = 0; row < a.height; row++) {
                double y = grid.yMax() - (row + 0.5) / a.height * (grid.yMax() - grid.yMin());
                for (int col = 0; col < a.width; col++) {
                    double x = grid.xMin() + (col + 0.5) / a.width * (grid.xMax() - grid.xMin());
                    double v = grid.at(x, y);
                    int rgb = Double.isFinite(v) ? ColorMap.rgb(Math.max(0, Math.min(1, (v - lo) / (hi - lo)))) : 0xC8C8C8;
                    img.setRGB(col, row, rgb);
                }
            }
            return img;
        }

        private void axes(Graphics2D g, Rectangle a) {
            g.setColor(Theme.INK);
            g.setStroke(new BasicStroke(1f));
            g.drawRect(a.x, a.y, a.width, a.height);
            g.setFont(Theme.TICKS);
            FontMetrics fm = g.getFontMetrics();
            for (double v : Ticks.nice(grid.xMin(), grid.xMax(), 7)) {
                int x = (int) Math.round(px(a, v));
                g.drawLine(x, a.y + a.height, x, a.y + a.height + 5);
                String s = Numbers.compact(v, 4);
                g.drawString(s, x - fm.stringWidth(s) / 2f, a.y + a.height + 20);
            }
            for (double v : Ticks.nice(grid.yMin(), grid.yMax(), 6)) {
                int y = (int) Math.round(py(a, v));
                g.drawLine(a.x - 5, y, a.x, y);
                String s = Numbers.compact(v, 4);
                g.drawString(s, a.x - 8 - fm.stringWidth(s), y + fm.getAscent() / 2f - 2);
            }
            g.setFont(Theme.AXIS_TITLE);
            fm = g.getFontMetrics();
            g.drawString(xLabel, a.x + (a.width - fm.stringWidth(xLabel)) / 2f, a.y + a.height + 44);
            Graphics2D v = (Graphics2D) g.create();
            v.translate(a.x - 58, a.y + a.height / 2.0);
            v.rotate(-Math.PI / 2);
            v.drawString(yLabel, -fm.stringWidth(yLabel) / 2f, 0);
            v.dispose();
        }

        private void colourBar(Graphics2D g, Rectangle r) {
            for (int row = 0; row < r.height; row++) {
                g.setColor(ColorMap.at(1 - (row + 0.5) / r.height));
                g.fillRect(r.x, r.y + row, r.width, 1);
            }
            g.setColor(Theme.INK);
            g.drawRect(r.x, r.y, r.width, r.height);
            g.setFont(Theme.SMALL);
            FontMetrics fm = g.getFontMetrics();
            for (double v : Ticks.nice(lo, hi, 6)) {
                if (v < lo - 1e-12 || v > hi + 1e-12) {
                    continue;
                }
                int y = (int) Math.round(r.y + r.height - (v - lo) / (hi - lo) * r.height);
                g.drawLine(r.x + r.width, y, r.x + r.width + 4, y);
                g.drawString(Numbers.compact(v, 3), r.x + r.width + 7, y + fm.getAscent() / 2f - 2);
            }
            if (!barLabel.isEmpty()) {
                g.drawString(barLabel, r.x - 4, r.y - 8);
            }
        }

        private void legend(Graphics2D g, Rectangle area) {
            if (groups.isEmpty()) {
                return;
            }
            g.setFont(Theme.SMALL);
            FontMetrics fm = g.getFontMetrics();
            int textW = groups.stream().mapToInt(gr -> fm.stringWidth(gr.name)).max().orElse(0);
            int lineH = fm.getHeight() + 2;
            Rectangle box = new Rectangle(area.x + 10, area.y + 10, textW + 36, lineH * groups.size() + 8);
            g.setColor(new Color(255, 255, 255, 220));
            g.fill(box);
            g.setColor(Theme.GRID);
            g.draw(box);
            for (int k = 0; k < groups.size(); k++) {
                Group gr = groups.get(k);
                int y = box.y + 4 + lineH * k + lineH / 2;
                g.setColor(gr.colour);
                g.fill(new Ellipse2D.Double(box.x + 10, y - 5, 10, 10));
                g.setColor(new Color(0, 0, 0, 120));
                g.draw(new Ellipse2D.Double(box.x + 10, y - 5, 10, 10));
                g.setColor(Theme.INK);
                g.drawString(gr.name, box.x + 28, y + (fm.getAscent() - fm.getDescent()) / 2f);
            }
        }
    }
}
