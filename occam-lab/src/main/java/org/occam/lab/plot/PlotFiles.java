package org.occam.lab.plot;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.Processors;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.occam.io.AtomicFiles;

/**
 * Renders a {@link Plot} to PNG (Java2D on a bitmap, written with ImageIO) or SVG (the same paint
 * calls recorded by VectorGraphics2D, the vector back end XChart itself uses). Files are written
 * atomically: to a temporary file in the same folder, then renamed over the target.
 */
public final class PlotFiles {
    private PlotFiles() {
    }

    /**
     * The plot painted on a white RGB bitmap of its size.
     *
     * @param plot the chart to render
     * @return the image
     */
    public static BufferedImage image(Plot plot) {
        Headless.ensure();
        BufferedImage img = new BufferedImage(plot.width(), plot.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            hints(g);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, plot.width(), plot.height());
            plot.paint(g);
        } finally {
            g.dispose();
        }
        return img;
    }

    /**
     * The plot as PNG bytes.
     *
     * @param plot the chart to render
     * @return the PNG
     */
    public static byte[] png(Plot plot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writePng(plot, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The plot as an SVG document (UTF-8 bytes).
     *
     * @param plot the chart to render
     * @return the SVG
     */
    public static byte[] svg(Plot plot) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeSvg(plot, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Writes the plot to {@code target} atomically, as PNG or SVG by the file's extension.
     *
     * @param plot the chart to render
     * @param target the file
     * @throws IllegalArgumentException when the extension is neither {@code .png} nor {@code .svg}
     * @throws IOException when writing fails
     */
    public static void write(Plot plot, Path target) throws IOException {
        String name = target.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean svg = name.endsWith(".svg");
        if (!svg && !name.endsWith(".png")) {
            throw new IllegalArgumentException("cannot tell the image format of " + target + ": use .png or .svg");
        }
        AtomicFiles.write(target, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (svg) {
                    writeSvg(plot, out);
                } else {
                    writePng(plot, out);
                }
            }
        });
    }

    private static void writePng(Plot plot, OutputStream out) throws IOException {
        if (!ImageIO.write(image(plot), "png", out)) {
            throw new IOException("no PNG writer in this JDK");
        }
    }

    private static void writeSvg(Plot plot, OutputStream out) throws IOException {
        Headless.ensure();
        VectorGraphics2D g = new VectorGraphics2D();
        hints(g);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, plot.width(), plot.height());
        plot.paint(g);
        Document doc = Processors.get("svg").getDocument(g.getCommands(), new PageSize(0, 0, plot.width(), plot.height()));
        doc.writeTo(out);
    }

    private static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }
}
