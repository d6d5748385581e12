package org.occam.morse;

import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The broad reference distribution ν of the Morse loss (METHODS §8): the second term
 * {@code w·E_{x~ν}[M(x)]} estimates {@code ∫M} and stops φ from collapsing onto the target.
 * The default is a {@link UniformBox} that contains the data.
 */
public interface ReferenceDistribution {

    /**
     * {@code n} independent draws, {@code [n, dim]}; advances {@code rng}.
     *
     * @param rng the generator
     * @param n the number of draws
     * @param dtype the dtype of the result
     * @return the draws
     */
    Tensor sample(Rng rng, int n, DType dtype);

    /**
     * The dimension of the samples.
     *
     * @return the dimension
     */
    int dim();

    /**
     * {@code log V}, the log Lebesgue volume of the support when ν is uniform on it (so that
     * {@code ∫M dx = V·E_ν[M]}); {@code +∞} when ν is not a uniform distribution.
     *
     * @return log V
     */
    double logVolume();

    /**
     * A short description for logs and reports.
     *
     * @return the description
     */
    String describe();

    /**
     * A reference fitted to points {@code x [N, d]}: {@code box} ({@link UniformBox#around}, sides
     * {@code factor}× the data extent, the default) or {@code gaussian} ({@link DiagonalGaussian#around},
     * standard deviations {@code factor}× the data's).
     *
     * @param kind box or gaussian
     * @param x the points
     * @param factor the widening factor
     * @return the reference
     */
    static ReferenceDistribution around(String kind, Tensor x, double factor) {
        return switch (kind.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "box", "uniform", "uniform-box" -> UniformBox.around(x, factor);
            case "gaussian", "normal" -> DiagonalGaussian.around(x, factor);
            default -> throw new IllegalArgumentException("unknown reference '" + kind + "': allowed values are box, gaussian");
        };
    }
}
