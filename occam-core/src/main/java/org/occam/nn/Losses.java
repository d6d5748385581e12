package org.occam.nn;

import org.occam.tensor.Ops;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/** Losses with PyTorch's names and default (mean) reductions, plus accuracy and margins. */
public final class Losses {
    private Losses() {
    }

    /**
     * torch.nn.functional.cross_entropy(logits [N, C], labels) with mean reduction.
     *
     * @param logits the scores [N, C]
     * @param labels the classes, N of them in 0..C−1
     * @return the mean loss (a scalar)
     */
    public static Tensor crossEntropy(Tensor logits, int[] labels) {
        checkBatch(logits, labels);
        return Ops.gather(logits.logSoftmax(1), 1, labels, labels.length, 1).mean().neg();
    }

    /**
     * torch.nn.functional.mse_loss: mean of squared differences over all elements.
     *
     * @param prediction the model's output
     * @param target the targets, same shape
     * @return the mean loss (a scalar)
     */
    public static Tensor mse(Tensor prediction, Tensor target) {
        if (!Shape.same(prediction.shapeRef(), target.shapeRef())) {
            throw new IllegalArgumentException("mse: prediction shape " + Shape.str(prediction.shapeRef())
                    + " differs from target shape " + Shape.str(target.shapeRef()));
        }
        return prediction.sub(target).square().mean();
    }

    /**
     * Binary logistic loss mean log(1 + exp(−s·f)) with s = ±1 from labels in {0, 1}; logits [N] or [N, 1].
     *
     * @param logits the scores f, [N] or [N, 1]
     * @param labels the classes, 0 or 1
     * @return the mean loss (a scalar)
     */
    public static Tensor binaryLogistic(Tensor logits, int[] labels) {
        return signedMargin(logits, labels).neg().softplus().mean();
    }

    /**
     * Exponential loss mean exp(−s·f) with s = ±1 from labels in {0, 1}.
     *
     * @param logits the scores f, [N] or [N, 1]
     * @param labels the classes, 0 or 1
     * @return the mean loss (a scalar)
     */
    public static Tensor exponential(Tensor logits, int[] labels) {
        return signedMargin(logits, labels).neg().exp().mean();
    }

    private static Tensor signedMargin(Tensor logits, int[] labels) {
        Tensor f = logits.reshape(-1);
        if (f.numel() != labels.length) {
            throw new IllegalArgumentException("binary loss: " + f.numel() + " logits (shape " + Shape.str(logits.shapeRef())
                    + ") for " + labels.length + " labels");
        }
        double[] s = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] != 0 && labels[i] != 1) {
                throw new IllegalArgumentException("binary loss: label " + labels[i] + " at " + i + " is not 0 or 1");
            }
            s[i] = labels[i] == 1 ? 1 : -1;
        }
        return f.mul(Tensor.of(logits.dtype(), s, labels.length));
    }

    /**
     * Multiclass margins f_y − max_{j≠y} f_j per example, shape [N] (differentiable).
     *
     * @param logits the scores [N, C]
     * @param labels the classes
     * @return the margins [N]
     */
    public static Tensor margins(Tensor logits, int[] labels) {
        checkBatch(logits, labels);
        int n = labels.length;
        int c = logits.size(1);
        Tensor fy = Ops.gather(logits, 1, labels, n, 1).reshape(n);
        Tensor mask = Ops.oneHot(labels, c, logits.dtype()).mul(1e30);
        // subtracting a huge value at the true class excludes it from the max
        Tensor others = logits.sub(mask).max(1);
        return fy.sub(others);
    }

    /**
     * Fraction of rows whose arg-max equals the label (ties count as wrong unless the label is the
     * first max). With one logit per row (binary logistic or exponential loss) the prediction is
     * class 1 when the logit is positive, class 0 otherwise.
     *
     * @param logits the scores [N, C] (or [N] / [N, 1] for one logit)
     * @param labels the classes
     * @return the accuracy in [0, 1]
     */
    public static double accuracy(Tensor logits, int[] labels) {
        checkBatch(logits, labels);
        int c = logits.size(1);
        double[] v = logits.toDoubleArray();
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (c == 1) {
                correct += (v[i] > 0 ? 1 : 0) == labels[i] ? 1 : 0;
                continue;
            }
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (v[i * c + j] > v[i * c + best]) {
                    best = j;
                }
            }
            if (best == labels[i]) {
                correct++;
            }
        }
        return labels.length == 0 ? 0 : (double) correct / labels.length;
    }

    private static void checkBatch(Tensor logits, int[] labels) {
        if (logits.rank() != 2 || logits.size(0) != labels.length) {
            throw new IllegalArgumentException("expected logits [N, C] with N = " + labels.length + " labels, got shape "
                    + Shape.str(logits.shapeRef()));
        }
    }
}
