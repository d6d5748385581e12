package org.occam.lab.sgd2;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RatioClustersTest {
    /** Two groups {1, 3} and {5, 7}: MS_w = (1+1+1+1)/(2·1) = 2, MS_b = 2·((2−4)² + (6−4)²)/1 = 16. */
    @Test
    void exactSmallCase() {
        assertEquals(Math.log10(2.0 / 16.0), RatioClusters.logWithinOverBetween(new double[][] {{1, 3}, {5, 7}}), 1e-15);
    }

    /** Three groups of three: SS_w = 2+8+0 = 10 over 6 df; group means 2, 5, 8 (grand 5): SS_b = 3·18 over 2 df. */
    @Test
    void threeByThree() {
        double[][] g = {{1, 2, 3}, {3, 5, 7}, {8, 8, 8}};
        double msw = 10.0 / 6;
        double msb = 3 * (9 + 0 + 9) / 2.0;
        assertEquals(Math.log10(msw / msb), RatioClusters.logWithinOverBetween(g), 1e-14);
    }

    @Test
    void sameValuesWithinGroupsGiveMinusInfinityAndNoiseOnlyNearZero() {
        assertEquals(Double.NEGATIVE_INFINITY, RatioClusters.logWithinOverBetween(new double[][] {{1, 1}, {2, 2}}));
        // groups whose means coincide: all the spread is within, none between
        assertEquals(Double.POSITIVE_INFINITY, RatioClusters.logWithinOverBetween(new double[][] {{1, 3}, {3, 1}}));
        assertTrue(Double.isNaN(RatioClusters.logWithinOverBetween(new double[][] {{1, Double.NaN}, {2, 3}})));
    }

    @Test
    void rejectsBadShapes() {
        assertThrows(IllegalArgumentException.class, () -> RatioClusters.logWithinOverBetween(new double[][] {{1, 2}}));
        assertThrows(IllegalArgumentException.class, () -> RatioClusters.logWithinOverBetween(new double[][] {{1}, {2}}));
        assertThrows(IllegalArgumentException.class,
                () -> RatioClusters.logWithinOverBetween(new double[][] {{1, 2}, {2, 3, 4}}));
    }
}
