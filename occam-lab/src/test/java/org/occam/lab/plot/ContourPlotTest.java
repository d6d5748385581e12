package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContourPlotTest {
    // The plot area of an 800×600 contour plot (see ContourPlot.paint): x from 84, 588 wide; y from 46, 488 high.
    private static int px(double x) {
        return (int) Math.round(84 + (x + 2) / 4 * 588);
    }

    private static int py(double y) {
        return (int) Math.round(46 + 488 - (y + 2) / 4 * 488);
    }

    @Test
    void filledContoursWithATrajectory(@TempDir Path dir) throws Exception {
        Grid g = Grid.sample(-2, 2, -2, 2, 81, 81, (x, y) -> x * x + 10 * y * y);
        double[] tx = new double[61];
        double[] ty = new double[61];
        for (int k = 0; k <= 60; k++) {
            tx[k] = -1.5 + 3.0 * k / 60;
            ty[k] = 1.0;
        }
        Plot p = new ContourPlot("GD on a quadratic").grid(g).xLabel("θ₁").yLabel("θ₂").levels(10)
                .trajectory("path", tx, ty).plot();
        BufferedImage img = ImageChecks.assertDrawn(p.png(), 800, 600, 30);
        assertTrue(ImageChecks.distance(img, px(0.02), py(0.02), ColorMap.at(0.05)) < 40, "the minimum is in the lowest (dark) band");
        assertTrue(ImageChecks.distance(img, px(1.97), py(-1.97), ColorMap.at(0.95)) < 40, "the corner is in the highest (yellow) band");
        assertTrue(ImageChecks.distance(img, px(0.5), py(1.0), new Color(0xD55E00)) < 40, "the trajectory is drawn over the contours");
        p.write(dir.resolve("c.svg"));
        String svg = Files.readString(dir.resolve("c.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("<image"), "SVG keeps the field as an image and the lines as vectors");
    }

    @Test
    void lineContoursAndLogLevelsAndNonFiniteValues() {
        Grid g = Grid.sample(-2, 2, -2, 2, 41, 41, (x, y) -> x * x + y * y > 3.5 ? Double.NaN : 0.01 + x * x + y * y);
        Plot p = new ContourPlot("lines").grid(g).filled(false).logLevels(true).plot();
        BufferedImage img = ImageChecks.assertDrawn(p.png(), 800, 600, 20);
        assertTrue(ImageChecks.distance(img, px(1.95), py(1.95), new Color(0xC8C8C8)) < 10, "undefined values are grey");
    }

    @Test
    void marchingSquaresFindTheLevelSet() {
        Grid g = Grid.sample(0, 1, 0, 1, 11, 11, (x, y) -> x);
        List<double[]> segs = Contours.segments(g, 0.35);
        assertEquals(10, segs.size(), "one segment per row of cells");
        for (double[] s : segs) {
            assertEquals(0.35, s[0], 1e-12);
            assertEquals(0.35, s[2], 1e-12);
        }
        assertTrue(Contours.segments(g, 2).isEmpty());
    }

    @Test
    void badInputIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Grid(0, 1, 0, 1, new double[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> new Grid(1, 0, 0, 1, new double[2][2]));
        assertThrows(IllegalArgumentException.class, () -> new ContourPlot("x").plot());
        Grid nan = Grid.sample(0, 1, 0, 1, 3, 3, (x, y) -> Double.NaN);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new ContourPlot("x").grid(nan).plot());
        assertTrue(e.getMessage().contains("no finite value"));
    }
}
