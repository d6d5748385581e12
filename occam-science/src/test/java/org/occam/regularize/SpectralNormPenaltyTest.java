package org.occam.regularize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Power-iteration σ_max against the closed form, and the penalty's value and gradient. */
class SpectralNormPenaltyTest {

    /** σ_max of a 2×2 matrix from tr(AᵀA) and det A. */
    static double closedForm(double a, double b, double c, double d) {
        double t = a * a + b * b + c * c + d * d;
        double det = a * d - b * c;
        return Math.sqrt((t + Math.sqrt(t * t - 4 * det * det)) / 2);
    }

    @Test
    void largestSingularValueMatchesClosedForm() {
        double[] m = {1.3, -0.4, 0.7, 0.2};
        double s = SpectralNormPenalty.largestSingularValue(Tensor.of(m, 2, 2), 100);
        assertEquals(closedForm(m[0], m[1], m[2], m[3]), s, 1e-12);
    }

    @Test
    void penaltyIsSigmaSquaredWithGradientTwoSigmaUvT() {
        double[] m = {1.3, -0.4, 0.7, 0.2};
        Params p = Params.of("w", Tensor.of(m, 2, 2), "b", Tensor.of(new double[] {5, 5}, 2));
        double sigma = closedForm(m[0], m[1], m[2], m[3]);
        Tensor v = SpectralNormPenalty.penalty(p, 100, n -> true);
        assertEquals(sigma * sigma, v.item(), 1e-12); // the bias (rank 1) is not penalised
        Params g = Autodiff.grad((Params q) -> SpectralNormPenalty.penalty(q, 100, n -> true)).apply(p);
        double[] num = Fixtures.numericGradient(q -> {
            double[] w = q.get("w").toDoubleArray();
            double s = closedForm(w[0], w[1], w[2], w[3]);
            return Tensor.scalar(s * s, q.dtype());
        }, p, 1e-6);
        assertEquals(0, Fixtures.relativeError(g.flatten().toDoubleArray(), num), 1e-8);
    }
}
