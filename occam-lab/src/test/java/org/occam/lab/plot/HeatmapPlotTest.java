package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeatmapPlotTest {
    @Test
    void cellsAreColouredByValueAndNotesShow() {
        double nan = Double.NaN;
        Plot p = new HeatmapPlot("Test accuracy").xLabel("batch size").yLabel("learning rate")
                .columns(List.of("32", "128")).rows(List.of("0.01", "0.1"))
                .values(new double[][] {{0.80, 0.85}, {0.95, nan}})
                .notes(new String[][] {{null, null}, {null, "div"}}).plot();
        BufferedImage img = ImageChecks.assertDrawn(p.png(), 800, 500, 20);
        // Find the cells by their colours: the lowest value is dark purple, the highest yellow, the note cell grey.
        assertTrue(has(img, ColorMap.at(0)), "lowest cell");
        assertTrue(has(img, ColorMap.at(1)), "highest cell");
        assertTrue(has(img, new Color(0xBDBDBD)), "diverged cell");
    }

    private static boolean has(BufferedImage img, Color c) {
        int count = 0;
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                if ((img.getRGB(x, y) & 0xFFFFFF) == (c.getRGB() & 0xFFFFFF)) {
                    count++;
                }
            }
        }
        return count > 1000;
    }

    @Test
    void shapeMismatchIsRefused() {
        HeatmapPlot p = new HeatmapPlot("x").columns(List.of("a", "b")).rows(List.of("r")).values(new double[][] {{1}});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::plot);
        assertTrue(e.getMessage().contains("2 cells"), e.getMessage());
    }
}
