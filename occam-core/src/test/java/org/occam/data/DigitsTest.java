package org.occam.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.occam.tensor.DType;

/** The digits set shipped in the jar: shape, class histogram, value range, the fixed split. */
class DigitsTest {
    private static final int[] COUNTS = {178, 182, 177, 183, 181, 182, 181, 179, 174, 180};

    @Test
    void shapeHistogramAndRange() {
        Dataset d = Datasets.digits();
        assertEquals("digits", d.name());
        assertArrayEquals(new int[] {1797, 64}, d.x().shape());
        assertEquals(DType.FLOAT32, d.dtype());
        assertEquals(10, d.numClasses());
        assertArrayEquals(COUNTS, d.classCounts());
        float[] v = d.x().toFloatArray();
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (float f : v) {
            min = Math.min(min, f);
            max = Math.max(max, f);
            assertEquals(Math.round(f * 16), f * 16, 1e-5, "values are counts 0..16 divided by 16");
        }
        assertEquals(0f, min);
        assertEquals(1f, max);
        // first row of the file: 0,0,5,13,9,1,0,0,... label 0
        assertEquals(5 / 16.0, d.x().get(0, 2), 1e-7);
        assertEquals(13 / 16.0, d.x().get(0, 3), 1e-7);
        assertEquals(0, d.label(0));
    }

    @Test
    void imageLayoutAndDtype() {
        Dataset d = Datasets.digits(ImageLayout.NCHW, DType.FLOAT64);
        assertArrayEquals(new int[] {1797, 1, 8, 8}, d.x().shape());
        assertEquals(DType.FLOAT64, d.dtype());
        assertEquals(5 / 16.0, d.x().get(0, 0, 0, 2));
    }

    @Test
    void fixedSplitIsStratifiedDisjointAndStable() {
        TrainTest s = Datasets.digitsSplit();
        assertEquals(1438, s.train().size());
        assertEquals(359, s.test().size());
        int[] testCounts = s.test().classCounts();
        for (int c = 0; c < 10; c++) {
            assertEquals(Math.round(0.2 * COUNTS[c]), testCounts[c], "class " + c);
            assertEquals(COUNTS[c], testCounts[c] + s.train().classCounts()[c]);
        }
        TrainTest again = Datasets.digitsSplit();
        assertArrayEquals(s.test().x().toFloatArray(), again.test().x().toFloatArray());
        assertArrayEquals(s.test().y(), again.test().y());
        assertEquals(s.test().size(), Datasets.digits(Split.TEST).size());
        // Pins the split itself: a change of Rng or of the split rule changes these numbers.
        assertEquals("digits-test", s.test().name());
        assertArrayEquals(new int[] {2, 3, 5, 7, 2, 4, 9, 0, 2, 4, 6, 0}, Arrays.copyOf(s.test().y(), 12));
        assertEquals(-640857490, Arrays.hashCode(s.test().y()));
        assertEquals(1117865985, Arrays.hashCode(s.test().x().toFloatArray()));
    }
}
