package org.occam.cli.flow;

import java.util.List;
import java.util.Locale;
import org.occam.flow.Expression;
import org.occam.flow.SideBySide;
import org.occam.flow.Trajectory;
import org.occam.lab.plot.ContourPlot;
import org.occam.lab.plot.Grid;
import org.occam.lab.plot.LinePlot;
import org.occam.lab.plot.Plot;
import org.occam.lab.plot.Series;
import org.occam.lab.report.Rates;

/**
 * The chart of {@code occam flow --plot}: for a loss of two variables, its contours on a grid
 * around every trajectory (the iterates and each flow, sampled at t = kh) with the paths overlaid;
 * for one or more than two variables, the loss of each path against the step.
 */
public final class FlowPlot {
    /** Grid points per axis of the contour plot. */
    static final int RESOLUTION = 141;

    private FlowPlot() {
    }

    public static Plot of(Expression loss, List<String> names, SideBySide s) {
        List<Trajectory> paths = FlowReport.paths(s);
        String title = String.format(Locale.ROOT, "%s   (%s, %d steps)", loss.source(), Rates.h(s.h()), s.steps());
        if (names.size() == 2) {
            return contour(loss, names, paths, title);
        }
        LinePlot p = new LinePlot(title).xLabel("step").yLabel("loss");
        boolean positive = true;
        for (Trajectory t : paths) {
            for (double v : t.loss()) {
                positive &= !(v <= 0);
            }
        }
        p.logY(positive);
        for (Trajectory t : paths) {
            double[] k = new double[t.size()];
            for (int i = 0; i < k.length; i++) {
                k[i] = i;
            }
            p.add(t == s.reference() ? Series.of(t.name(), k, t.loss()) : Series.dashed(t.name(), k, t.loss()));
        }
        return p.plot();
    }

    private static Plot contour(Expression loss, List<String> names, List<Trajectory> paths, String title) {
        double xMin = Double.POSITIVE_INFINITY;
        double xMax = Double.NEGATIVE_INFINITY;
        double yMin = Double.POSITIVE_INFINITY;
        double yMax = Double.NEGATIVE_INFINITY;
        for (Trajectory t : paths) {
            for (double[] th : t.theta()) {
                if (Double.isFinite(th[0]) && Double.isFinite(th[1])) {
                    xMin = Math.min(xMin, th[0]);
                    xMax = Math.max(xMax, th[0]);
                    yMin = Math.min(yMin, th[1]);
                    yMax = Math.max(yMax, th[1]);
                }
            }
        }
        double[] xr = pad(xMin, xMax);
        double[] yr = pad(yMin, yMax);
        String xn = names.get(0);
        String yn = names.get(1);
        Grid g = Grid.sample(xr[0], xr[1], yr[0], yr[1], RESOLUTION, RESOLUTION,
                (x, y) -> loss.evaluate(java.util.Map.of(xn, x, yn, y)));
        double[] range = g.finiteRange();
        ContourPlot c = new ContourPlot(title).grid(g).xLabel(xn).yLabel(yn).levels(14).logLevels(range[0] > 0);
        for (Trajectory t : paths) {
            double[] x = new double[t.size()];
            double[] y = new double[t.size()];
            for (int k = 0; k < x.length; k++) {
                x[k] = t.theta()[k][0];
                y[k] = t.theta()[k][1];
            }
            c.trajectory(t.name(), x, y);
        }
        return c.plot();
    }

    /** The range widened by 15% on each side (and made non-degenerate). */
    static double[] pad(double lo, double hi) {
        if (!(lo <= hi)) {
            return new double[] {-1, 1};
        }
        double span = hi - lo;
        double m = span > 0 ? 0.15 * span : 0.5 * Math.max(1e-3, Math.abs(lo));
        return new double[] {lo - m, hi + m};
    }
}
