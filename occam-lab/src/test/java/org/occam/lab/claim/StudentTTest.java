package org.occam.lab.claim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudentTTest {

    @Test
    void quantilesMatchTables() {
        // Two-sided 95 % critical values from standard t tables.
        assertEquals(12.706204736, StudentT.quantile(0.975, 1), 1e-7);
        assertEquals(4.302652730, StudentT.quantile(0.975, 2), 1e-8);
        assertEquals(2.776445105, StudentT.quantile(0.975, 4), 1e-8);
        assertEquals(2.262157163, StudentT.quantile(0.975, 9), 1e-8);
        assertEquals(2.045229642, StudentT.quantile(0.975, 29), 1e-8);
        assertEquals(1.959963985, StudentT.quantile(0.975, 1e9), 1e-6);
        assertEquals(-2.776445105, StudentT.quantile(0.025, 4), 1e-8);
    }

    @Test
    void cdfOfOneDegreeIsCauchy() {
        for (double t : new double[] {-7, -1.3, 0, 0.4, 2, 30}) {
            assertEquals(0.5 + Math.atan(t) / Math.PI, StudentT.cdf(t, 1), 1e-13);
        }
    }

    @Test
    void cdfOfTwoDegreesHasClosedForm() {
        for (double t : new double[] {-5, -0.7, 0, 1.1, 9}) {
            assertEquals(0.5 + t / (2 * Math.sqrt(2 + t * t)), StudentT.cdf(t, 2), 1e-13);
        }
    }
}
