package org.occam.eos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.measure.Hessians;
import org.occam.tensor.Tensor;

/**
 * Self-stabilization on L(x, z) = −a z + ½(2/η + c z)x², whose cubic Taylor expansion is itself: the
 * predicted (x, y) map is then GD exactly, α = ac, β = c², and the measured λ_max differs from the
 * predicted 2/η + y only by the tilt of the eigenvector, c²x²/λ.
 */
class SelfStabilizationTest {
    static final double ETA = 0.01;
    static final double A = 0.5;
    static final double C = 1;
    static final Function<Params, Tensor> LOSS = p -> {
        Tensor t = p.get("t");
        Tensor x = t.slice(0, 0, 1);
        Tensor z = t.slice(0, 1, 2);
        return z.mul(-A).add(z.mul(C).add(2 / ETA).mul(x.square()).mul(0.5)).sum();
    };
    static final Params REF = Params.of("t", Tensor.of(new double[] {0, 0}, 2));
    static final Params U = Params.of("t", Tensor.of(new double[] {1, 0}, 2));

    @Test
    void coefficientsAreExact() {
        SelfStabilization.Coefficients k = SelfStabilization.at(LOSS, REF, U);
        assertEquals(2 / ETA, k.sharpness(), 1e-12);
        assertEquals(A * C, k.alpha(), 1e-12);
        assertEquals(C * C, k.beta(), 1e-12);
        assertEquals(0, k.gradS().get("t").get(0), 1e-12);
        assertEquals(C, k.gradS().get("t").get(1), 1e-12);
    }

    @Test
    void predictionIsGdOnTheCubicAndTracksTheSharpness() {
        SelfStabilization.Coefficients k = SelfStabilization.at(LOSS, REF, U);
        Params theta = Params.of("t", Tensor.of(new double[] {1e-3, -0.1}, 2));
        double[] xy = SelfStabilization.coordinates(theta, REF, U, k);
        int steps = 3000;
        SelfStabilization.Prediction pr = SelfStabilization.predict(k.alpha(), k.beta(), ETA, xy[0], xy[1], steps);
        Function<Params, Params> g = Autodiff.grad(LOSS);
        double sumX2 = 0;
        int late = 0;
        for (int t = 0; t <= steps; t++) {
            double[] c = SelfStabilization.coordinates(theta, REF, U, k);
            assertEquals(c[0], pr.x()[t], 1e-9 * (1 + Math.abs(c[0])), "x at step " + t);
            assertEquals(c[1], pr.y()[t], 1e-9 * (1 + Math.abs(c[1])), "y at step " + t);
            if (t % 10 == 0) {
                double measured = Hessians.dense(LOSS, theta).eigenvalue(0);
                double tilt = C * C * c[0] * c[0] / measured;
                assertEquals(pr.sharpness()[t] + tilt, measured, 1e-3 * tilt + 1e-9, "lambda_max at step " + t);
            }
            if (t >= steps / 2) {
                sumX2 += c[0] * c[0];
                late++;
            }
            theta = theta.addScaled(g.apply(theta), -ETA);
        }
        // self-stabilization: x² oscillates about 2α/β (y's increments average to zero), S about 2/η
        double mean = sumX2 / late;
        System.out.printf("mean x^2 late = %.4f, 2 alpha/beta = %.4f%n", mean, 2 * k.alpha() / k.beta());
        assertEquals(2 * k.alpha() / k.beta(), mean, 0.25 * 2 * k.alpha() / k.beta());
        assertTrue(Math.abs(pr.y()[steps]) < 2 / ETA, "the sharpness stays near 2/eta");
    }
}
