package org.occam.lab.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Series colours do not repeat within a chart; scatter labels do not cover each other. */
class PaletteAndLabelsTest {

    @Test
    void sixteenSeriesGetSixteenColours() {
        // Before: series(8) was series(0) again (the palette cycled).
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 16; i++) {
            Color c = Theme.series(i);
            assertTrue(seen.add(c.getRGB()), "series " + i + " repeats a colour");
        }
        assertEquals(new Color(0x0072B2), Theme.series(0), "the palette's own colours come first");
    }

    @Test
    void coincidentPointsGetStackedLabels() {
        double[] x = {1, 1, 1, 5};
        double[] y = {0.5, 0.5, 0.5, 0.5};
        List<String> texts = List.of("batch_size=16", "batch_size=64", "batch_size=256", "far");
        double[] at = LabelPlacement.place(x, y, texts, 10, 1);
        double h = LabelPlacement.HEIGHT;
        // The three labels at x = 1 are a label height apart; the far one stays just above its point.
        double[] near = {at[0], at[1], at[2]};
        Arrays.sort(near);
        assertTrue(near[1] - near[0] >= h - 1e-12 && near[2] - near[1] >= h - 1e-12, Arrays.toString(at));
        assertEquals(0.5 + 0.8 * h, at[3], 1e-12);
        assertEquals(0.5 + 0.8 * h, near[0], 1e-12);
    }
}
