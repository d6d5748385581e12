package org.occam.games.gan;

import java.util.Objects;
import org.occam.tensor.Ops;
import org.occam.data.Dataset;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Real data for an image GAN: rows of a data set with pixels in [0, 1] (e.g. MNIST, [N, 784]),
 * drawn uniformly with replacement and mapped to [−1, 1] to match a tanh generator.
 *
 * @param data the data set, rows [N, d] in [0, 1]
 */
public record ImageRows(Dataset data) implements DataSampler {
    /** Checks flat rows [N, d]. */
    public ImageRows {
        Objects.requireNonNull(data, "data");
        if (data.x().rank() != 2) {
            throw new IllegalArgumentException("ImageRows needs flat rows [N, d], got shape "
                    + java.util.Arrays.toString(data.x().shape()));
        }
    }

    /** n rows [n, d], 2x − 1 of uniformly drawn rows x. */
    @Override
    public Tensor sample(int n, Rng rng, DType dtype) {
        if (n < 1) {
            throw new IllegalArgumentException("sample size must be positive, got " + n);
        }
        Tensor rows = Ops.indexSelect(data.x(), 0, rng.ints(n, data.size()));
        return rows.to(dtype).mul(2).sub(1).detach();
    }

    /**
     * The row width d.
     *
     * @return d
     */
    public int features() {
        return data.x().size(1);
    }
}
