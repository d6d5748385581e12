package org.occam.lab.dd4;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.occam.io.AtomicFiles;
import org.occam.lab.plot.Headless;
import org.occam.lab.plot.Plot;
import org.occam.tensor.Tensor;

/**
 * A grid of generated grey-scale images (e.g. MNIST GAN samples), painted pixel by pixel with
 * Java2D in headless mode: tile k is row k of the samples, reshaped to height × width, each
 * pixel scaled up to a {@code scale} × {@code scale} block, with a {@code pad}-pixel white gap
 * around every tile. Values are mapped linearly from [lo, hi] to black..white (clamped); a
 * non-finite value is painted red so a diverged generator is visible.
 *
 * @param image the painted grid
 */
public record SampleGrid(BufferedImage image) implements Plot {
    /** Pixels between tiles and around the border. */
    public static final int PAD = 2;

    /**
     * Paints {@code samples} [n, height·width] in {@code columns} columns.
     *
     * @param samples the images [n, height·width]
     * @param height image height
     * @param width image width
     * @param columns tiles per row
     * @param scale pixels per image pixel
     * @param lo the value drawn black
     * @param hi the value drawn white
     * @return the grid
     * @throws IllegalArgumentException when the row width is not height·width or a size is not positive
     */
    public static SampleGrid of(Tensor samples, int height, int width, int columns, int scale, double lo, double hi) {
        if (height < 1 || width < 1 || columns < 1 || scale < 1 || !(hi > lo)) {
            throw new IllegalArgumentException("sample grid needs positive height, width, columns, scale and hi > lo, got "
                    + height + ", " + width + ", " + columns + ", " + scale + ", [" + lo + ", " + hi + "]");
        }
        if (samples.rank() != 2 || samples.size(1) != height * width || samples.size(0) < 1) {
            throw new IllegalArgumentException("samples must have shape [n >= 1, " + height * width + "] for "
                    + height + "x" + width + " images, got " + java.util.Arrays.toString(samples.shape()));
        }
        Headless.ensure();
        int n = samples.size(0);
        int cols = Math.min(columns, n);
        int rows = (n + cols - 1) / cols;
        int tileW = width * scale;
        int tileH = height * scale;
        BufferedImage img = new BufferedImage(cols * (tileW + PAD) + PAD, rows * (tileH + PAD) + PAD,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
        } finally {
            g.dispose();
        }
        double[] v = samples.toDoubleArray();
        int d = height * width;
        for (int k = 0; k < n; k++) {
            int x0 = PAD + (k % cols) * (tileW + PAD);
            int y0 = PAD + (k / cols) * (tileH + PAD);
            for (int i = 0; i < height; i++) {
                for (int j = 0; j < width; j++) {
                    int rgb = rgb(v[k * d + i * width + j], lo, hi);
                    for (int a = 0; a < scale; a++) {
                        for (int b = 0; b < scale; b++) {
                            img.setRGB(x0 + j * scale + b, y0 + i * scale + a, rgb);
                        }
                    }
                }
            }
        }
        return new SampleGrid(img);
    }

    private static int rgb(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return 0xD00000;
        }
        int grey = (int) Math.round(255 * Math.min(1, Math.max(0, (v - lo) / (hi - lo))));
        return grey << 16 | grey << 8 | grey;
    }

    @Override
    public int width() {
        return image.getWidth();
    }

    @Override
    public int height() {
        return image.getHeight();
    }

    @Override
    public void paint(Graphics2D g) {
        g.drawImage(image, 0, 0, null);
    }

    /**
     * Writes the grid as a PNG at its own pixel size, atomically.
     *
     * @param target the PNG file
     * @throws IOException when writing fails
     */
    public void writePng(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        AtomicFiles.write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer in this JDK");
                }
            }
        });
    }
}
