package org.occam.lab.plot;

import java.util.ArrayList;
import java.util.List;

/**
 * Iso-lines of a {@link Grid} by marching squares. Each cell whose corners straddle the level
 * contributes one or two straight segments; saddle cells are resolved by the cell's mean value.
 * Cells with a non-finite corner are skipped.
 */
final class Contours {
    private Contours() {
    }

    /** Segments {x0, y0, x1, y1} (data coordinates) of the level set z = level. */
    static List<double[]> segments(Grid grid, double level) {
        List<double[]> out = new ArrayList<>();
        double[][] z = grid.z();
        for (int i = 0; i + 1 < grid.nx(); i++) {
            for (int j = 0; j + 1 < grid.ny(); j++) {
                // corners anticlockwise from bottom-left: a(i,j) b(i+1,j) c(i+1,j+1) d(i,j+1)
                double a = z[i][j];
                double b = z[i + 1][j];
                double c = z[i + 1][j + 1];
                double d = z[i][j + 1];
                if (!(Double.isFinite(a) && Double.isFinite(b) && Double.isFinite(c) && Double.isFinite(d))) {
                    continue;
                }
                double x0 = grid.x(i);
                double x1 = grid.x(i + 1);
                double y0 = grid.y(j);
                double y1 = grid.y(j + 1);
                // crossing points on the edges bottom (a-b), right (b-c), top (d-c), left (a-d); null when none
                double[] bottom = cross(a, b, level, x0, y0, x1, y0);
                double[] right = cross(b, c, level, x1, y0, x1, y1);
                double[] top = cross(d, c, level, x0, y1, x1, y1);
                double[] left = cross(a, d, level, x0, y0, x0, y1);
                List<double[]> pts = new ArrayList<>(4);
                for (double[] p : new double[][] {bottom, right, top, left}) {
                    if (p != null) {
                        pts.add(p);
                    }
                }
                if (pts.size() == 2) {
                    out.add(seg(pts.get(0), pts.get(1)));
                } else if (pts.size() == 4) {
                    boolean centreWithA = ((a + b + c + d) / 4 >= level) == (a >= level);
                    if (centreWithA) {
                        out.add(seg(bottom, right));
                        out.add(seg(top, left));
                    } else {
                        out.add(seg(bottom, left));
                        out.add(seg(right, top));
                    }
                }
            }
        }
        return out;
    }

    private static double[] cross(double va, double vb, double level, double xa, double ya, double xb, double yb) {
        if ((va >= level) == (vb >= level)) {
            return null;
        }
        double t = (level - va) / (vb - va);
        return new double[] {xa + t * (xb - xa), ya + t * (yb - ya)};
    }

    private static double[] seg(double[] p, double[] q) {
        return new double[] {p[0], p[1], q[0], q[1]};
    }
}
