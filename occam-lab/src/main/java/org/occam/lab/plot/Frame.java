package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Rectangle;

/**
 * A rectangular plot area with numeric x and y ranges: maps data to pixels and draws the box,
 * ticks, tick labels and axis titles.
 */
final class Frame {
    final Rectangle area;
    final double xMin;
    final double xMax;
    final double yMin;
    final double yMax;

    Frame(Rectangle area, double xMin, double xMax, double yMin, double yMax) {
        this.area = area;
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** Pixel column of data x. */
    double px(double x) {
        return area.x + (x - xMin) / (xMax - xMin) * area.width;
    }

    /** Pixel row of data y (y grows upwards). */
    double py(double y) {
        return area.y + area.height - (y - yMin) / (yMax - yMin) * area.height;
    }

    /** Data x at the centre of pixel column {@code col} of the area. */
    double dataX(int col) {
        return xMin + (col + 0.5) / area.width * (xMax - xMin);
    }

    /** Data y at the centre of pixel row {@code row} of the area (row 0 at the top). */
    double dataY(int row) {
        return yMax - (row + 0.5) / area.height * (yMax - yMin);
    }

    /** Box, ticks with labels, and axis titles. */
    void axes(Graphics2D g, String xLabel, String yLabel) {
        g.setColor(Theme.INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(area.x, area.y, area.width, area.height);
        g.setFont(Theme.TICKS);
        for (double v : Ticks.nice(xMin, xMax, 7)) {
            int x = (int) Math.round(px(v));
            g.drawLine(x, area.y + area.height, x, area.y + area.height + 5);
            Draw.centred(g, Numbers.compact(v, 4), x, area.y + area.height + 20);
        }
        for (double v : Ticks.nice(yMin, yMax, 6)) {
            int y = (int) Math.round(py(v));
            g.drawLine(area.x - 5, y, area.x, y);
            Draw.rightAligned(g, Numbers.compact(v, 4), area.x - 8, y);
        }
        g.setFont(Theme.AXIS_TITLE);
        Draw.centred(g, xLabel, area.x + area.width / 2.0, area.y + area.height + 44);
        Draw.vertical(g, yLabel, area.x - 58, area.y + area.height / 2.0);
    }
}
