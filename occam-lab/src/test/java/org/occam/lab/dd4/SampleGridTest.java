package org.occam.lab.dd4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.occam.tensor.Tensor;

/** The sample-grid image writer: pixel size, tile placement and grey levels of the PNG. */
class SampleGridTest {

    @Test
    void writesAPngOfTheExpectedPixelSizeWithTheTilesInPlace(@TempDir Path dir) throws Exception {
        // 5 images of 3x2 pixels, 3 columns, scale 4: 2 rows of tiles.
        int n = 5;
        double[] v = new double[n * 6];
        for (int k = 0; k < n; k++) {
            for (int p = 0; p < 6; p++) {
                v[k * 6 + p] = p == 0 ? 1 : -1; // top-left pixel white, the rest black
            }
        }
        v[4 * 6 + 5] = Double.NaN; // last image, bottom-right pixel
        SampleGrid g = SampleGrid.of(Tensor.of(v, n, 6), 3, 2, 3, 4, -1, 1);
        Path png = dir.resolve("grid.png");
        g.writePng(png);
        BufferedImage img = ImageIO.read(png.toFile());
        int pad = SampleGrid.PAD;
        assertEquals(3 * (2 * 4 + pad) + pad, img.getWidth());
        assertEquals(2 * (3 * 4 + pad) + pad, img.getHeight());
        assertEquals(img.getWidth(), g.width());
        int tileW = 2 * 4 + pad;
        int tileH = 3 * 4 + pad;
        // image 4 sits in row 1, column 1
        int x0 = pad + tileW;
        int y0 = pad + tileH;
        assertEquals(0xFFFFFF, img.getRGB(x0, y0) & 0xFFFFFF, "white top-left pixel");
        assertEquals(0xFFFFFF, img.getRGB(x0 + 3, y0 + 3) & 0xFFFFFF, "scaled 4x4");
        assertEquals(0x000000, img.getRGB(x0 + 4, y0) & 0xFFFFFF, "black next pixel");
        assertEquals(0xD00000, img.getRGB(x0 + 7, y0 + 11) & 0xFFFFFF, "NaN painted red");
        assertEquals(0xFFFFFF, img.getRGB(0, 0) & 0xFFFFFF, "white padding");
        assertEquals(0xFFFFFF, img.getRGB(x0 + tileW + 1, y0 + 1) & 0xFFFFFF, "empty sixth cell stays white");
    }

    @Test
    void mapsValuesLinearlyAndClamps() {
        SampleGrid g = SampleGrid.of(Tensor.of(new double[] {-1, 0, 1, 5}, 1, 4), 1, 4, 1, 1, -1, 1);
        int y = SampleGrid.PAD;
        int x = SampleGrid.PAD;
        assertEquals(0, g.image().getRGB(x, y) & 0xFF);
        assertEquals(128, g.image().getRGB(x + 1, y) & 0xFF);
        assertEquals(255, g.image().getRGB(x + 2, y) & 0xFF);
        assertEquals(255, g.image().getRGB(x + 3, y) & 0xFF, "clamped");
    }

    @Test
    void rejectsAWrongRowWidth() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SampleGrid.of(Tensor.zeros(org.occam.tensor.DType.FLOAT64, 2, 10), 28, 28, 2, 1, -1, 1));
        assertEquals(true, e.getMessage().contains("784"), e.getMessage());
    }
}
