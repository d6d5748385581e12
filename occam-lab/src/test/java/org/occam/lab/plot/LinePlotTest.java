package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinePlotTest {
    private static double[][] curve(int n) {
        double[][] xy = new double[2][n];
        for (int k = 0; k < n; k++) {
            xy[0][k] = 10.0 * k;
            xy[1][k] = 2.3 * Math.exp(-k / 40.0) + 1e-3;
        }
        return xy;
    }

    @Test
    void rendersPngAndSvgAtomically(@TempDir Path dir) throws Exception {
        double[][] c = curve(300);
        double[] two = new double[300];
        java.util.Arrays.fill(two, 0.5);
        Plot p = new LinePlot("Loss").yLabel("loss").logY(true)
                .add(Series.of("train", c[0], c[1])).add(Series.dashed("2/h", c[0], two)).plot();
        p.write(dir.resolve("loss.png"), dir.resolve("loss.svg"));
        ImageChecks.assertDrawn(Files.readAllBytes(dir.resolve("loss.png")), 800, 500, 20);
        String svg = Files.readString(dir.resolve("loss.svg"), StandardCharsets.UTF_8);
        assertTrue(svg.contains("<svg") && svg.contains("</svg>"), svg.substring(0, Math.min(200, svg.length())));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary files are left behind");
        }
    }

    @Test
    void logAxisDropsNonPositivePointsAndEmptyChartsAreRefused() {
        LinePlot p = new LinePlot("x").logY(true).add(Series.of("neg", new double[] {0, 1}, new double[] {-1, 0}));
        assertFalse(p.hasData());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, p::plot);
        assertTrue(e.getMessage().contains("no finite points"), e.getMessage());
    }

    @Test
    void unknownExtensionIsRefused(@TempDir Path dir) {
        double[][] c = curve(10);
        Plot p = new LinePlot("x").add(Series.of("a", c[0], c[1])).plot();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.write(dir.resolve("a.jpg")));
        assertTrue(e.getMessage().contains(".png or .svg"), e.getMessage());
    }

    @Test
    void seriesDropNonFinitePointsAndDecimationKeepsSpikes() {
        Series s = Series.of("s", new double[] {0, 1, 2, 3}, new double[] {1, Double.NaN, 3, Double.POSITIVE_INFINITY});
        assertArrayEquals(new double[] {0, 2}, s.x());
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
            y[k] = k == 54_321 ? 1e6 : 1;
        }
        Series d = Series.of("big", x, y).decimate(2000);
        assertTrue(d.size() <= 2001, "thinned to " + d.size());
        assertTrue(java.util.Arrays.stream(d.y()).anyMatch(v -> v == 1e6), "the spike survives");
        assertEquals(n - 1, d.x()[d.size() - 1], "the last point survives");
    }

    @Test
    void compactNumbers() {
        assertEquals("0.5", Numbers.compact(0.5, 4));
        assertEquals("1200", Numbers.compact(1200, 4));
        assertEquals("3.142", Numbers.compact(Math.PI, 4));
        assertEquals("1.5e-05", Numbers.compact(1.5e-5, 4));
        assertEquals("2e+06", Numbers.compact(2e6, 4));
        assertEquals("-0.25", Numbers.compact(-0.25, 4));
        assertEquals("NaN", Numbers.compact(Double.NaN, 4));
        assertEquals("inf", Numbers.compact(Double.POSITIVE_INFINITY, 4));
        assertEquals("0", Numbers.compact(0, 4));
    }
}
