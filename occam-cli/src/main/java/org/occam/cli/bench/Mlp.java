package org.occam.cli.bench;

import org.occam.autodiff.Params;
import org.occam.tensor.Ops;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/**
 * The benchmark network: torch.nn.Sequential(Linear, Tanh, Linear, Tanh, Linear) as a function of
 * (parameters, input), with PyTorch's names ("0.weight", ...) and default initialization.
 */
final class Mlp {
    private Mlp() {
    }

    /** PyTorch's default Linear init: weight and bias ~ U(−1/√fan_in, 1/√fan_in). */
    static Params init(Rng rng, DType dtype, int... sizes) {
        Object[] pairs = new Object[4 * (sizes.length - 1)];
        for (int l = 0; l < sizes.length - 1; l++) {
            double bound = 1 / Math.sqrt(sizes[l]);
            pairs[4 * l] = (2 * l) + ".weight";
            pairs[4 * l + 1] = rng.uniform(dtype, -bound, bound, sizes[l + 1], sizes[l]);
            pairs[4 * l + 2] = (2 * l) + ".bias";
            pairs[4 * l + 3] = rng.uniform(dtype, -bound, bound, sizes[l + 1]);
        }
        return Params.of(pairs);
    }

    /** Logits for inputs x [..., in]; leading axes broadcast (used to batch Jacobian cotangents). */
    static Tensor logits(Params p, Tensor x) {
        return logitsFrom(p, x, 0);
    }

    /**
     * The layers from {@code first} on applied to h [..., width of layer first's input]
     * ({@code first} = 1: the net after its first Linear, whose output h is).
     */
    static Tensor logitsFrom(Params p, Tensor h, int first) {
        int layers = p.size() / 2;
        if (first > 0) {
            h = h.tanh();
        }
        for (int l = first; l < layers; l++) {
            h = h.matmul(p.get((2 * l) + ".weight").t()).add(p.get((2 * l) + ".bias"));
            if (l < layers - 1) {
                h = h.tanh();
            }
        }
        return h;
    }

    /** Mean cross-entropy of logits [B, C] against integer labels. */
    static Tensor crossEntropy(Tensor logits, int[] labels) {
        int b = labels.length;
        return Ops.gather(logits.logSoftmax(1), 1, labels, b, 1).mean().neg();
    }
}
