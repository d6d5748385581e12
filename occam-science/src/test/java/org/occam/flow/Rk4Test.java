package org.occam.flow;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** RK4 is fourth order on a linear ODE, integrates backward, and works on parameter trees. */
class Rk4Test {
    // y' = A y with A = [[-a, w], [-w, -a]]: y(t) = e^{-at} R(-wt) y0
    static final double A = 0.5;
    static final double W = 2.0;

    static double[] field(double[] y) {
        return new double[] {-A * y[0] + W * y[1], -W * y[0] - A * y[1]};
    }

    static double[] exact(double[] y0, double t) {
        double d = Math.exp(-A * t);
        double c = Math.cos(W * t);
        double s = Math.sin(W * t);
        return new double[] {d * (c * y0[0] + s * y0[1]), d * (-s * y0[0] + c * y0[1])};
    }

    static double slope(double[] x, double[] y) {
        return org.occam.regularize.Orders.slope(x, y);
    }

    @Test
    void globalErrorIsFourthOrderInTheStep() {
        double[] y0 = {1, -0.5};
        double span = 2;
        int[] steps = {10, 20, 40, 80};
        double[] dt = new double[steps.length];
        double[] err = new double[steps.length];
        double[] want = exact(y0, span);
        for (int i = 0; i < steps.length; i++) {
            double[] y = Rk4.integrate(Rk4Test::field, y0, span, steps[i]);
            dt[i] = span / steps[i];
            err[i] = Math.hypot(y[0] - want[0], y[1] - want[1]);
        }
        System.out.printf("RK4 global error: %s slope=%.3f%n", java.util.Arrays.toString(err), slope(dt, err));
        assertEquals(4, slope(dt, err), 0.3);
    }

    @Test
    void timeDependentFieldAndBackwardIntegration() {
        // y' = t y, y(0) = 1: y(t) = exp(t²/2)
        double[] y = Rk4.integrate((t, v) -> new double[] {t * v[0]}, 0, new double[] {1}, 1.5, 200);
        assertEquals(Math.exp(1.125), y[0], 1e-9);
        double[] back = Rk4.integrate((t, v) -> new double[] {t * v[0]}, 1.5, y, -1.5, 200);
        assertEquals(1, back[0], 1e-9);
    }

    @Test
    void parameterTreesIntegrateLikeTheirFlatVector() {
        Params p0 = Params.of("a", Tensor.of(new double[] {1}, 1), "b", Tensor.of(new double[] {-0.5}, 1));
        Params p = Rk4.integrate(q -> {
            double[] v = field(q.flatten().toDoubleArray());
            return q.unflatten(Tensor.of(v, 2));
        }, p0, 2, 80);
        assertArrayEquals(Rk4.integrate(Rk4Test::field, new double[] {1, -0.5}, 2, 80), p.flatten().toDoubleArray(), 0);
        assertEquals(p0.names(), p.names());
    }

    @Test
    void rejectsBadArguments() {
        assertThrows(IllegalArgumentException.class, () -> Rk4.integrate(Rk4Test::field, new double[] {1, 0}, 1, 0));
        assertThrows(IllegalArgumentException.class,
                () -> Rk4.integrate(y -> new double[] {1}, new double[] {1, 0}, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> Rk4.integrate(Rk4Test::field, new double[] {1, 0}, Double.NaN, 1));
    }
}
