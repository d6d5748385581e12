package org.occam.lab.plot;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.util.List;

/**
 * Several charts of one size painted as one, row by row ({@code columns} per row): a figure with
 * panels, e.g. test accuracy against h and against μ side by side.
 *
 * @param panels the charts, all of one size
 * @param columns panels per row
 */
public record PlotGrid(List<Plot> panels, int columns) implements Plot {

    /** Copies the panels; needs at least one panel and one column. */
    public PlotGrid {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("a plot grid needs at least one panel and one column");
        }
    }

    private int cellWidth() {
        return panels.stream().mapToInt(Plot::width).max().orElse(0);
    }

    private int cellHeight() {
        return panels.stream().mapToInt(Plot::height).max().orElse(0);
    }

    private int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public int width() {
        return cellWidth() * Math.min(columns, panels.size());
    }

    @Override
    public int height() {
        return cellHeight() * rows();
    }

    @Override
    public void paint(Graphics2D g) {
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        for (int i = 0; i < panels.size(); i++) {
            AffineTransform before = g.getTransform();
            g.translate((i % columns) * cellWidth(), (i / columns) * cellHeight());
            panels.get(i).paint(g);
            g.setTransform(before);
        }
    }
}
