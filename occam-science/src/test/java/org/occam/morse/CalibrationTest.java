package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.occam.tensor.Tensor;

/** Reliability bins and expected calibration error on a hand-computed example. */
class CalibrationTest {

    /**
     * Five bins of width 0.2. Confidences 0.9, 0.9 (one right), 0.7 (right), 0.3 (wrong), 0.1 (right):
     * gaps 0.4, 0.3, 0.3, 0.9 with weights 2/5, 1/5, 1/5, 1/5, so ECE = 0.16 + 0.06 + 0.06 + 0.18 = 0.46, MCE = 0.9.
     */
    @Test
    void handExample() {
        Calibration c = Calibration.of(new double[] {0.9, 0.9, 0.7, 0.3, 0.1}, new boolean[] {true, false, true, false, true}, 5);
        assertEquals(0.46, c.ece(), 1e-12);
        assertEquals(0.9, c.mce(), 1e-12);
        assertEquals(5, c.bins().size());
        int[] counts = c.bins().stream().mapToInt(Calibration.Bin::count).toArray();
        assertEquals("[1, 1, 0, 1, 2]", java.util.Arrays.toString(counts));
        Calibration.Bin top = c.bins().get(4);
        assertEquals(0.8, top.lo(), 1e-15);
        assertEquals(1.0, top.hi(), 1e-15);
        assertEquals(0.9, top.meanConfidence(), 1e-15);
        assertEquals(0.5, top.accuracy(), 1e-15);
        assertTrue(Double.isNaN(c.bins().get(2).accuracy()), "an empty bin has no accuracy");
    }

    @Test
    void edgesAndProbabilities() {
        assertEquals(0, Calibration.bin(0.0, 10));
        assertEquals(0, Calibration.bin(0.1, 10));
        assertEquals(9, Calibration.bin(1.0, 10));
        assertEquals(9, Calibration.bin(0.95, 10));
        // perfectly calibrated: confidence 1 and always right
        assertEquals(0.0, Calibration.of(new double[] {1, 1}, new boolean[] {true, true}, 15).ece());
        // from probabilities: (0.65, 0.35) label 0 right, (0.15, 0.85) label 0 wrong, (0.45, 0.55) label 1 right,
        // one per bin: gaps 0.35, 0.85, 0.45
        Tensor p = Tensor.of(new double[] {0.65, 0.35, 0.15, 0.85, 0.45, 0.55}, 3, 2);
        Calibration c = Calibration.ofProbabilities(p, new int[] {0, 0, 1}, 10);
        assertEquals((0.35 + 0.85 + 0.45) / 3, c.ece(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Calibration.of(new double[] {1.2}, new boolean[] {true}, 10));
    }
}
