package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * A surface z(x, y) drawn in 3-D: the grid's cells as quadrilaterals seen from above at an angle,
 * painted back to front and coloured by height on the viridis map (log scale optional), the
 * picture of a loss landscape that Li et al. (2018) popularised.
 *
 * <pre>{@code
 * Plot p = new SurfacePlot("loss around the minimum").grid(g).logZ(true).plot();
 * }</pre>
 */
public final class SurfacePlot {
    private final String title;
    private Grid grid;
    private boolean logZ;
    private double azimuth = Math.toRadians(-55);
    private double elevation = Math.toRadians(32);
    private int width = Theme.WIDTH;
    private int height = 600;

    /**
     * A surface plot with this title.
     *
     * @param title the chart's title
     */
    public SurfacePlot(String title) {
        this.title = title;
    }

    /**
     * The surface (required).
     *
     * @param g the grid
     * @return this chart
     */
    public SurfacePlot grid(Grid g) {
        this.grid = g;
        return this;
    }

    /**
     * Height and colour on a log scale (values must be positive; others are drawn grey at the floor).
     *
     * @param on whether the scale is logarithmic
     * @return this chart
     */
    public SurfacePlot logZ(boolean on) {
        this.logZ = on;
        return this;
    }

    /**
     * The viewing angles in degrees: azimuth around the vertical axis and elevation above the plane.
     *
     * @param azimuthDegrees the azimuth
     * @param elevationDegrees the elevation
     * @return this chart
     */
    public SurfacePlot view(double azimuthDegrees, double elevationDegrees) {
        if (!(elevationDegrees > 0 && elevationDegrees < 90)) {
            throw new IllegalArgumentException("surface elevation must lie in (0, 90) degrees, got " + elevationDegrees);
        }
        this.azimuth = Math.toRadians(azimuthDegrees);
        this.elevation = Math.toRadians(elevationDegrees);
        return this;
    }

    /**
     * Chart size in pixels (default 800×600).
     *
     * @param w the width
     * @param h the height
     * @return this chart
     */
    public SurfacePlot size(int w, int h) {
        this.width = w;
        this.height = h;
        return this;
    }

    /**
     * Builds the chart; a grid without a finite (positive, on a log scale) value is refused.
     *
     * @return the chart
     */
    public Plot plot() {
        Headless.ensure();
        if (grid == null) {
            throw new IllegalArgumentException("surface plot '" + title + "' has no grid");
        }
        int nx = grid.nx();
        int ny = grid.ny();
        double[][] h = new double[nx][ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                double z = grid.z()[i][j];
                h[i][j] = logZ ? (z > 0 ? Math.log10(z) : Double.NaN) : (Double.isFinite(z) ? z : Double.NaN);
                if (!Double.isNaN(h[i][j])) {
                    lo = Math.min(lo, h[i][j]);
                    hi = Math.max(hi, h[i][j]);
                }
            }
        }
        if (lo == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("surface plot '" + title + "': the grid has no " + (logZ ? "positive" : "finite")
                    + " value");
        }
        double span = hi > lo ? hi - lo : 1;
        double base = lo;
        for (double[] col : h) {
            for (int j = 0; j < ny; j++) {
                col[j] = Double.isNaN(col[j]) ? Double.NaN : (col[j] - base) / span;
            }
        }
        return new Drawn(title, grid, h, logZ, lo, hi, azimuth, elevation, width, height);
    }

    private record Drawn(String title, Grid grid, double[][] h, boolean logZ, double lo, double hi, double azimuth,
                         double elevation, int width, int height) implements Plot {
        @Override
        public void paint(Graphics2D g) {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            Draw.title(g, title, width);
            int nx = grid.nx();
            int ny = grid.ny();
            double ca = Math.cos(azimuth);
            double sa = Math.sin(azimuth);
            double se = Math.sin(elevation);
            double ce = Math.cos(elevation);
            // unit cube coordinates u, v in [-0.5, 0.5], w in [0, 0.6]; screen = rotate about w, tilt by elevation
            double[][] sx = new double[nx][ny];
            double[][] sy = new double[nx][ny];
            double[][] depth = new double[nx][ny];
            double minX = Double.POSITIVE_INFINITY;
            double maxX = Double.NEGATIVE_INFINITY;
            double minY = Double.POSITIVE_INFINITY;
            double maxY = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    double u = (double) i / (nx - 1) - 0.5;
                    double v = (double) j / (ny - 1) - 0.5;
                    double w = Double.isNaN(h[i][j]) ? 0 : 0.6 * h[i][j];
                    double rx = u * ca - v * sa;
                    double ry = u * sa + v * ca;
                    sx[i][j] = rx;
                    sy[i][j] = -(ry * se + w * ce);
                    depth[i][j] = ry * ce - w * se;
                    minX = Math.min(minX, sx[i][j]);
                    maxX = Math.max(maxX, sx[i][j]);
                    minY = Math.min(minY, sy[i][j]);
                    maxY = Math.max(maxY, sy[i][j]);
                }
            }
            int top = 50;
            int bottom = height - 30;
            int left = 30;
            int right = width - 110;
            double scale = Math.min((right - left) / (maxX - minX), (bottom - top) / (maxY - minY));
            double ox = left + ((right - left) - scale * (maxX - minX)) / 2 - scale * minX;
            double oy = top + ((bottom - top) - scale * (maxY - minY)) / 2 - scale * minY;
            Integer[] order = new Integer[(nx - 1) * (ny - 1)];
            double[] cellDepth = new double[order.length];
            for (int i = 0; i < nx - 1; i++) {
                for (int j = 0; j < ny - 1; j++) {
                    int k = i * (ny - 1) + j;
                    order[k] = k;
                    cellDepth[k] = depth[i][j] + depth[i + 1][j] + depth[i][j + 1] + depth[i + 1][j + 1];
                }
            }
            Arrays.sort(order, (a, b) -> Double.compare(cellDepth[b], cellDepth[a]));
            g.setStroke(new BasicStroke(0.4f));
            for (int k : order) {
                int i = k / (ny - 1);
                int j = k % (ny - 1);
                Path2D.Double quad = new Path2D.Double();
                quad.moveTo(ox + scale * sx[i][j], oy + scale * sy[i][j]);
                quad.lineTo(ox + scale * sx[i + 1][j], oy + scale * sy[i + 1][j]);
                quad.lineTo(ox + scale * sx[i + 1][j + 1], oy + scale * sy[i + 1][j + 1]);
                quad.lineTo(ox + scale * sx[i][j + 1], oy + scale * sy[i][j + 1]);
                quad.closePath();
                double m = mean(h[i][j], h[i + 1][j], h[i][j + 1], h[i + 1][j + 1]);
                g.setColor(Double.isNaN(m) ? Color.LIGHT_GRAY : ColorMap.at(m));
                g.fill(quad);
                g.setColor(new Color(0, 0, 0, 60));
                g.draw(quad);
            }
            double[] bounds = ContourPlot.bounds(logZ ? Math.pow(10, lo) : lo, logZ ? Math.pow(10, hi) : hi, 10,
                    logZ && hi > lo);
            if (bounds[bounds.length - 1] > bounds[0]) {
                Draw.colorBar(g, new Rectangle(width - 90, top, 18, bottom - top), bounds, true);
            }
        }

        private static double mean(double a, double b, double c, double d) {
            return (a + b + c + d) / 4;
        }
    }
}
