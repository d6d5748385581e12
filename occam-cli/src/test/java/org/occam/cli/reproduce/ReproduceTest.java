package org.occam.cli.reproduce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReproduceTest {
    @Test
    void spearmanHandlesTiesAndSigns() {
        assertEquals(1.0, Trend.spearman(new double[] {1, 2, 3}, new double[] {10, 20, 30}), 1e-15);
        assertEquals(-1.0, Trend.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1}), 1e-15);
        // ranks with a tie: (1, 2.5, 2.5, 4) vs (1, 2, 3, 4)
        assertEquals(0.9486832980505138, Trend.spearman(new double[] {1, 2, 2, 3}, new double[] {1, 2, 3, 4}), 1e-12);
        assertTrue(new Trend("h", "gc", -0.5, -1, "falls").consistent());
        assertTrue(!new Trend("h", "gc", 0.0, -1, "falls").consistent());
    }
}
