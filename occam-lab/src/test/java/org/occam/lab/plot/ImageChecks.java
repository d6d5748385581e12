package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Set;
import javax.imageio.ImageIO;

/** Test helpers: decode PNG bytes and check that an image really shows something. */
public final class ImageChecks {
    private static final Pattern PNG = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"");

    private ImageChecks() {
    }

    /** The PNG images embedded in an HTML page. */
    public static List<byte[]> images(String html) {
        List<byte[]> out = new ArrayList<>();
        Matcher m = PNG.matcher(html);
        while (m.find()) {
            out.add(Base64.getDecoder().decode(m.group(1)));
        }
        return out;
    }

    /** Decodes PNG bytes, failing the test when they are not an image. */
    public static BufferedImage decode(byte[] png) {
        try {
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
            assertNotNull(img, "not a decodable image");
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of distinct RGB colours in the image. */
    public static int colours(BufferedImage img) {
        Set<Integer> seen = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                seen.add(img.getRGB(x, y) & 0xFFFFFF);
            }
        }
        return seen.size();
    }

    /** Asserts the PNG decodes to a w×h image with more than {@code minColours} colours (not blank). */
    public static BufferedImage assertDrawn(byte[] png, int w, int h, int minColours) {
        BufferedImage img = decode(png);
        assertEquals(w, img.getWidth(), "width");
        assertEquals(h, img.getHeight(), "height");
        int n = colours(img);
        assertTrue(n > minColours, "only " + n + " distinct colours: the chart looks blank");
        return img;
    }

    /** Euclidean RGB distance between the pixel (x, y) and {@code c}. */
    public static double distance(BufferedImage img, int x, int y, Color c) {
        Color p = new Color(img.getRGB(x, y));
        int dr = p.getRed() - c.getRed();
        int dg = p.getGreen() - c.getGreen();
        int db = p.getBlue() - c.getBlue();
        return Math.sqrt(dr * dr + dg * dg + db * db);
    }
}
