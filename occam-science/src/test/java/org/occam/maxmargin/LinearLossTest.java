package org.occam.maxmargin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The margin losses: derivatives and gradients against central finite differences in float64. */
class LinearLossTest {
    static final Separable DATA = new Separable(new double[][] {{1.0, 0.5, -0.2}, {-0.3, 1.2, 0.7}, {0.4, -0.9, 1.1}},
            new int[] {1, -1, 1});

    @Test
    void derivativeMatchesFiniteDifferences() {
        for (LinearLoss l : LinearLoss.values()) {
            for (double z : new double[] {-30, -3, -0.5, 0, 0.7, 4, 30}) {
                double e = 1e-5;
                double fd = (l.value(z + e) - l.value(z - e)) / (2 * e);
                assertEquals(fd, l.derivative(z), 1e-8 * Math.max(1, Math.abs(fd)), l + " at z=" + z);
            }
        }
        assertEquals(Math.log(2), LinearLoss.LOGISTIC.value(0), 1e-16);
        assertEquals(800, LinearLoss.LOGISTIC.value(-800), 1e-12); // no overflow
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        double[] w = {0.3, -1.1, 0.8};
        for (LinearLoss l : LinearLoss.values()) {
            double[] g = l.gradient(DATA, w);
            for (int j = 0; j < 3; j++) {
                double e = 1e-6;
                double[] p = w.clone();
                double[] m = w.clone();
                p[j] += e;
                m[j] -= e;
                double fd = (l.loss(DATA, p) - l.loss(DATA, m)) / (2 * e);
                assertEquals(fd, g[j], 1e-8, l + " coordinate " + j);
            }
        }
    }

    @Test
    void gradientOverLossIsStableAndExact() {
        double[] w = {0.3, -1.1, 0.8};
        double[] g = LinearLoss.EXPONENTIAL.gradient(DATA, w);
        double l = LinearLoss.EXPONENTIAL.loss(DATA, w);
        double[] r = LinearLoss.EXPONENTIAL.gradientOverLoss(DATA, w);
        for (int j = 0; j < 3; j++) {
            assertEquals(g[j] / l, r[j], 1e-14);
        }
        double[] far = {2000, -2000, 1000}; // margins 800, 2300, 3700: L underflows to 0 here
        assertEquals(0, LinearLoss.EXPONENTIAL.loss(DATA, far));
        double[] rf = LinearLoss.EXPONENTIAL.gradientOverLoss(DATA, far);
        double[] z = DATA.margins(far);
        int k = 0;
        for (int i = 1; i < z.length; i++) {
            k = z[i] < z[k] ? i : k;
        }
        assertTrue(z[k] + 50 < Math.min(z[(k + 1) % 3], z[(k + 2) % 3]), "fixture: one margin must be the smallest by far");
        for (int j = 0; j < 3; j++) {
            // far out, the example with the smallest margin carries all the weight: −y_k x_k
            assertEquals(-DATA.label(k) * DATA.row(k)[j], rf[j], 1e-15);
        }
        assertThrows(IllegalArgumentException.class, () -> LinearLoss.LOGISTIC.gradientOverLoss(DATA, w));
    }
}
