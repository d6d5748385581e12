package org.occam.lab.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.lab.plot.Grid;
import org.occam.lab.plot.Plot;

/** The report's pieces: histogram binning, the density plot, the claims line. */
class OodReportTest {

    @Test
    void histogramBinsAreSharedFractions() {
        double[] in = {0, 0, 1, 1};
        double[] out = {3, 3, 3, 4};
        ScoreHistogram.Bins b = ScoreHistogram.bin(in, out, 4);
        assertEquals(0.0, b.edges()[0], 1e-12);
        assertEquals(4.0, b.edges()[4], 1e-12);
        assertEquals("[0.5, 0.5, 0.0, 0.0]", java.util.Arrays.toString(b.in()));
        assertEquals("[0.0, 0.0, 0.0, 1.0]", java.util.Arrays.toString(b.out()));
        double s = 0;
        for (double v : b.out()) {
            s += v;
        }
        assertEquals(1.0, s, 1e-12);
    }

    @Test
    void densityPlotDrawsFieldAndPoints(@TempDir Path dir) throws Exception {
        Grid g = Grid.sample(-1, 1, -1, 1, 30, 30, (x, y) -> Math.exp(-(x * x + y * y) * 4));
        Plot p = new DensityPlot("M").grid(g).range(0, 1).barLabel("M")
                .points("data", new double[] {0, 0.5}, new double[] {0, -0.5}, Color.WHITE, 4).plot();
        assertEquals(800, p.width());
        Path png = dir.resolve("d.png");
        p.write(png);
        assertTrue(Files.size(png) > 2000);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        // the centre of the field is the top of the colour map (yellow), a corner is the bottom (dark purple)
        int centre = img.getRGB(84 + (800 - 84 - 140) / 2 + 20, 46 + (600 - 46 - 66) / 2 - 20);
        int corner = img.getRGB(84 + 3, 46 + 600 - 46 - 66 - 3);
        assertTrue(((centre >> 16) & 0xFF) > 150 && ((centre >> 8) & 0xFF) > 150, Integer.toHexString(centre));
        assertTrue(((corner >> 8) & 0xFF) < 60, Integer.toHexString(corner));
        assertThrows(IllegalArgumentException.class, () -> new DensityPlot("x").plot());
    }
}
