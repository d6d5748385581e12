package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The PF coefficient φ(x) = log(1 − x)/x: its limits, branch, singular point and the stability table of METHODS §4.1. */
class PrincipalCoefficientTest {

    @Test
    void tendsToMinusOneAtZeroAndMatchesItsSeries() {
        assertEquals(-1, PrincipalCoefficient.real(0), 0);
        for (double x : new double[] {1e-12, -1e-9, 1e-6, 5e-4, -9e-4}) {
            assertEquals(-1 - x / 2 - x * x / 3, PrincipalCoefficient.real(x), Math.abs(x * x * x), "x = " + x);
        }
        // the series and the closed form agree where they hand over
        double r = PrincipalCoefficient.SERIES_RADIUS;
        for (double x : new double[] {r * (1 - 1e-9), r * (1 + 1e-9), -r * (1 - 1e-9), -r * (1 + 1e-9)}) {
            assertEquals(Math.log1p(-x) / x, PrincipalCoefficient.real(x), 1e-15);
        }
        // the series −Σ x^k/(k+1), summed far, at a moderate x
        double x = 0.3;
        double s = 0;
        for (int k = 0; k < 200; k++) {
            s -= Math.pow(x, k) / (k + 1);
        }
        assertEquals(s, PrincipalCoefficient.real(x), 1e-15);
        assertEquals(0, PrincipalCoefficient.imaginary(x));
    }

    @Test
    void principalBranchAboveOne() {
        Complex c = PrincipalCoefficient.of(1.8);
        assertEquals(Math.log(0.8) / 1.8, c.re(), 1e-15);
        assertEquals(Math.PI / 1.8, c.im(), 1e-15);
        // exp(x·φ(x)) = 1 − x: the one-step factor of GD
        Complex f = c.times(1.8).exp();
        assertEquals(-0.8, f.re(), 1e-14);
        assertEquals(0, f.im(), 1e-14);
        // the half-step factor is purely imaginary: (1 − x)^{1/2} = i·√0.8
        Complex half = PrincipalCoefficient.power(1.8, 0.5);
        assertEquals(0, half.re(), 1e-15);
        assertEquals(Math.sqrt(0.8), half.im(), 1e-15);
        assertEquals(Math.pow(-1.1, 5), PrincipalCoefficient.power(2.1, 5).re(), 1e-13);
    }

    @Test
    void singularPointUsesTheDocumentedCoefficient() {
        assertTrue(PrincipalCoefficient.singular(1));
        assertEquals(-100, PrincipalCoefficient.real(1));
        assertEquals(PrincipalCoefficient.SINGULAR, PrincipalCoefficient.of(1).re());
        assertEquals(0, PrincipalCoefficient.of(1).im());
        assertFalse(PrincipalCoefficient.complex(1));
        // just off the singular point the true coefficient is finite and large
        assertEquals(Math.log(1e-9), PrincipalCoefficient.real(1 - 1e-9), 1e-6);
        assertTrue(PrincipalCoefficient.complex(1 + 1e-9));
        assertEquals(0, PrincipalCoefficient.power(1, 1).abs());
    }

    @Test
    void stabilityCoefficientSignTable() {
        double h = 0.1;
        // 0 < hλ < 1: negative (monotone convergence)
        for (double x : new double[] {0.01, 0.5, 0.99}) {
            assertTrue(PrincipalCoefficient.stability(h, x / h) < 0, "hλ = " + x);
            assertFalse(PrincipalCoefficient.complex(x));
        }
        // 1 < hλ < 2: negative, with imaginary part π/(hλ) (oscillating convergence)
        for (double x : new double[] {1.01, 1.5, 1.99}) {
            assertTrue(PrincipalCoefficient.stability(h, x / h) < 0, "hλ = " + x);
            assertEquals(Math.PI / x, PrincipalCoefficient.imaginary(x), 1e-15);
        }
        // hλ = 2: zero (neutral period-2 orbit)
        assertEquals(0, PrincipalCoefficient.stability(0.5, 4), 1e-15);
        // hλ > 2: positive (divergence)
        for (double x : new double[] {2.01, 2.5, 10}) {
            assertTrue(PrincipalCoefficient.stability(h, x / h) > 0, "hλ = " + x);
        }
        // λ < 0: −log(1 + h|λ|)/(h|λ|) ∈ (−1, 0) (saddle escape)
        for (double x : new double[] {-0.01, -1, -50}) {
            double sc = PrincipalCoefficient.stability(h, x / h);
            assertEquals(-Math.log1p(-x) / -x, sc, 1e-15);
            assertTrue(sc > -1 && sc < 0, "hλ = " + x + ": " + sc);
        }
    }
}
