package org.occam.lab.plot;

import java.awt.Color;

/**
 * The viridis colour map (perceptually uniform, readable in grey scale and by most colour-blind
 * readers), interpolated between eleven stops.
 */
public final class ColorMap {
    private ColorMap() {
    }

    private static final int[] STOPS = {
        0x440154, 0x482475, 0x414487, 0x355F8D, 0x2A788E, 0x21918C, 0x22A884, 0x44BF70, 0x7AD151, 0xBDDF26, 0xFDE725,
    };

    /**
     * The colour at {@code t} in [0, 1] (clamped): dark purple at 0, yellow at 1.
     *
     * @param t the position
     * @return the colour
     */
    public static Color at(double t) {
        return new Color(rgb(t));
    }

    /**
     * The packed RGB value at {@code t} in [0, 1] (clamped).
     *
     * @param t the position
     * @return 0xRRGGBB
     */
    public static int rgb(double t) {
        if (!(t > 0)) {
            return STOPS[0];
        }
        if (t >= 1) {
            return STOPS[STOPS.length - 1];
        }
        double p = t * (STOPS.length - 1);
        int k = (int) p;
        double f = p - k;
        int a = STOPS[k];
        int b = STOPS[k + 1];
        int r = mix((a >> 16) & 255, (b >> 16) & 255, f);
        int g = mix((a >> 8) & 255, (b >> 8) & 255, f);
        int bl = mix(a & 255, b & 255, f);
        return (r << 16) | (g << 8) | bl;
    }

    /**
     * Black or white, whichever reads better on {@code background}.
     *
     * @param background the colour behind the text
     * @return black or white
     */
    public static Color textOn(Color background) {
        double lum = 0.2126 * background.getRed() + 0.7152 * background.getGreen() + 0.0722 * background.getBlue();
        return lum > 140 ? Theme.INK : Color.WHITE;
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round(a + (b - a) * f);
    }
}
