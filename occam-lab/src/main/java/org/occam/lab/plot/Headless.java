package org.occam.lab.plot;

/**
 * Makes Java2D run without a display. Every plot calls {@link #ensure()} before it touches AWT,
 * so charts render the same on a laptop, a CI container or a GPU box with no X server.
 */
public final class Headless {
    private Headless() {
    }

    /**
     * Sets {@code java.awt.headless=true} unless the user chose a value on the command line.
     * Must run before the first AWT use (the property is read once, when the graphics environment
     * starts); calling it again is harmless.
     */
    public static void ensure() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }
}
