package org.occam.lab.plot;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Where point labels go so that none overlaps another: each label starts just above its point and
 * moves up by one label height while its box meets a box already placed (lowest points first).
 * Boxes are estimated in data units from the axis spans and the label's length.
 */
final class LabelPlacement {
    /** The plot's width in characters of the label font (an 800-pixel chart, 9-point labels). */
    static final double CHARS_ACROSS = 120;
    /** A label's height as a fraction of the y span. */
    static final double HEIGHT = 0.045;

    private LabelPlacement() {
    }

    /** The y of each label's baseline centre, for points (x[i], y[i]) on axes spanning xSpan and ySpan. */
    static double[] place(double[] x, double[] y, List<String> texts, double xSpan, double ySpan) {
        double h = HEIGHT * ySpan;
        double charW = xSpan / CHARS_ACROSS;
        double[] out = new double[x.length];
        List<double[]> placed = new ArrayList<>(); // {x0, x1, y0, y1}
        int[] order = IntStream.range(0, x.length).boxed().sorted(Comparator.comparingDouble(i -> y[i]))
                .mapToInt(Integer::intValue).toArray();
        for (int i : order) {
            double half = texts.get(i).length() * charW / 2;
            double at = y[i] + 0.8 * h;
            boolean moved = true;
            while (moved) {
                moved = false;
                for (double[] b : placed) {
                    if (x[i] - half < b[1] && x[i] + half > b[0] && at < b[3] && at + h > b[2]) {
                        at = b[3];
                        moved = true;
                    }
                }
            }
            placed.add(new double[] {x[i] - half, x[i] + half, at, at + h});
            out[i] = at;
        }
        return out;
    }
}
