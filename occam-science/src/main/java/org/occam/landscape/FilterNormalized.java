package org.occam.landscape;

import java.util.LinkedHashMap;
import java.util.Map;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * Filter-normalized random directions (Li et al. 2018, docs/landscapes.md §2): a Gaussian
 * direction d shaped like θ whose every filter (a slice along the first axis of a weight of rank ≥ 2:
 * an output unit of a linear layer, an output channel of a convolution) is rescaled to the norm
 * of the same filter of θ, so that a step of size 1 along d changes every filter by its own size
 * and the picture does not depend on the scale invariance of ReLU/BatchNorm networks.
 *
 * <p>Parameters of rank ≤ 1 (biases, BatchNorm scales and shifts) get a zero direction, as Li
 * et al. do by default; buffers (running statistics) are not parameters and are never moved.
 */
public final class FilterNormalized {
    private FilterNormalized() {
    }

    /**
     * A filter-normalized Gaussian direction for {@code theta}, drawn from {@code rng}.
     *
     * @param theta the parameters the direction is for (its filters set each block's norm)
     * @param rng the generator of the Gaussian draw
     * @return the direction, shaped like {@code theta}
     */
    public static Params direction(Params theta, Rng rng) {
        Map<String, Tensor> out = new LinkedHashMap<>();
        int index = 0;
        for (Map.Entry<String, Tensor> e : theta) {
            Tensor w = e.getValue();
            int[] shape = w.shape();
            Rng r = rng.split(index++);
            if (shape.length <= 1) {
                out.put(e.getKey(), Tensor.zeros(w.dtype(), shape));
                continue;
            }
            double[] wv = w.toDoubleArray();
            double[] d = r.normal(DType.FLOAT64, 0, 1, shape).toDoubleArray();
            int filters = shape[0];
            int size = wv.length / filters;
            for (int f = 0; f < filters; f++) {
                double nw = 0;
                double nd = 0;
                for (int i = f * size; i < (f + 1) * size; i++) {
                    nw += wv[i] * wv[i];
                    nd += d[i] * d[i];
                }
                double s = Math.sqrt(nw) / (Math.sqrt(nd) + 1e-10);
                for (int i = f * size; i < (f + 1) * size; i++) {
                    d[i] *= s;
                }
            }
            out.put(e.getKey(), Tensor.of(d, shape).to(w.dtype()));
        }
        return Params.of(out);
    }
}
