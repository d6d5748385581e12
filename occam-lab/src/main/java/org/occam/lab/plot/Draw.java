package org.occam.lab.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.util.List;

/** Small Java2D helpers shared by the hand-drawn plots (contours, heatmaps): text, titles, colour bars. */
final class Draw {
    private Draw() {
    }

    /** The chart title, centred at the top. */
    static void title(Graphics2D g, String text, int width) {
        g.setFont(Theme.TITLE);
        g.setColor(Theme.INK);
        centred(g, text, width / 2.0, 28);
    }

    /** Text centred horizontally on {@code cx} with its baseline at {@code baseline}. */
    static void centred(Graphics2D g, String text, double cx, double baseline) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) baseline);
    }

    /** Text centred on the point (cx, cy) both ways. */
    static void middle(Graphics2D g, String text, double cx, double cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (cx - fm.stringWidth(text) / 2.0), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Text right-aligned at {@code right}, vertically centred on {@code cy}. */
    static void rightAligned(Graphics2D g, String text, double right, double cy) {
        FontMetrics fm = g.getFontMetrics();
        g.drawString(text, (float) (right - fm.stringWidth(text)), (float) (cy + (fm.getAscent() - fm.getDescent()) / 2.0));
    }

    /** Text rotated a quarter turn anticlockwise, centred on (cx, cy): y-axis titles. */
    static void vertical(Graphics2D g, String text, double cx, double cy) {
        AffineTransform saved = g.getTransform();
        g.translate(cx, cy);
        g.rotate(-Math.PI / 2);
        middle(g, text, 0, 0);
        g.setTransform(saved);
    }

    /** {@code text} cut to {@code max} characters with an ellipsis. */
    static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, Math.max(1, max - 1)) + "…";
    }

    /**
     * A vertical colour bar in {@code r}. With {@code bands}, the bar is split into equal bands
     * between consecutive {@code bounds} (filled contours); otherwise it is a smooth gradient from
     * bounds[0] to bounds[last] with nice ticks. Labels go to the right of the bar.
     */
    static void colorBar(Graphics2D g, Rectangle r, double[] bounds, boolean bands) {
        int n = bounds.length - 1;
        if (bands) {
            for (int k = 0; k < n; k++) {
                g.setColor(ColorMap.at((k + 0.5) / n));
                int y0 = r.y + r.height - (int) Math.round((k + 1) * (double) r.height / n);
                int y1 = r.y + r.height - (int) Math.round(k * (double) r.height / n);
                g.fillRect(r.x, y0, r.width, y1 - y0);
            }
        } else {
            for (int py = 0; py < r.height; py++) {
                g.setColor(ColorMap.at(1 - (py + 0.5) / r.height));
                g.fillRect(r.x, r.y + py, r.width, 1);
            }
        }
        g.setColor(Theme.INK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(r.x, r.y, r.width, r.height);
        g.setFont(Theme.SMALL);
        if (bands) {
            int every = Math.max(1, (int) Math.ceil((n + 1) / 11.0));
            for (int k = 0; k <= n; k += every) {
                double y = r.y + r.height - k * (double) r.height / n;
                tick(g, r, y, Numbers.compact(bounds[k], 3));
            }
        } else {
            double lo = bounds[0];
            double hi = bounds[n];
            List<Double> ticks = Ticks.nice(lo, hi, 6);
            for (double v : ticks) {
                double y = hi > lo ? r.y + r.height - (v - lo) / (hi - lo) * r.height : r.y + r.height / 2.0;
                tick(g, r, y, Numbers.compact(v, 3));
            }
        }
    }

    private static void tick(Graphics2D g, Rectangle r, double y, String label) {
        int iy = (int) Math.round(y);
        g.drawLine(r.x + r.width, iy, r.x + r.width + 4, iy);
        FontMetrics fm = g.getFontMetrics();
        g.drawString(label, r.x + r.width + 7, iy + (fm.getAscent() - fm.getDescent()) / 2f);
    }

    /** A translucent white box behind legend text. */
    static void legendBox(Graphics2D g, Rectangle r) {
        g.setColor(new Color(255, 255, 255, 215));
        g.fillRect(r.x, r.y, r.width, r.height);
        g.setColor(new Color(0x888888));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(r.x, r.y, r.width, r.height);
    }
}
