package org.occam.games.gan;

import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** A source of real data for a GAN: n fresh rows drawn with the given stream (METHODS §3.7). */
@FunctionalInterface
public interface DataSampler {
    /**
     * n rows [n, d] of real data in {@code dtype}, drawn from {@code rng} (advancing it).
     *
     * @param n the number of rows
     * @param rng the generator
     * @param dtype the dtype of the result
     * @return the rows
     */
    Tensor sample(int n, Rng rng, DType dtype);
}
