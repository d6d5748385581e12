package org.occam.sam;

import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.data.Dataset;
import org.occam.measure.FiniteDifferences;
import org.occam.nn.Activation;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.regularize.Orders;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** A float64 tanh MLP 2-3-2 on six points with cross-entropy, and the helpers of the SAM tests. */
final class SamFixture {
    static final Model MLP = Models.mlp(Activation.TANH, 2, 3, 2);
    static final Objective CE = Objective.crossEntropy(MLP);

    private SamFixture() {
    }

    static Params params() {
        return MLP.init(Rng.seed(5), DType.FLOAT64);
    }

    static Batch batch() {
        Rng rng = Rng.seed(21);
        Tensor x = rng.normal(DType.FLOAT64, 0, 1, 6, 2);
        return new Dataset("sam-fixture", x, new int[] {0, 1, 1, 0, 1, 0}, 2, null, null).all();
    }

    /** ∇E by central differences of the loss value (step 1e-6), as Params. */
    static Params fdGradient(Objective o, Params p, Batch b) {
        return p.unflatten(Tensor.of(FiniteDifferences.gradient((Params q) -> o.loss(q, b), p, 1e-6), p.numel()));
    }

    static Params autodiffGradient(Objective o, Params p, Batch b) {
        return Autodiff.grad((Params q) -> o.loss(q, b)).apply(p);
    }

    /** max_i |a_i − b_i| / (1 + max_i |b_i|). */
    static double relativeError(Params a, Params b) {
        double[] x = a.flatten().toDoubleArray();
        double[] y = b.flatten().toDoubleArray();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            diff = Math.max(diff, Math.abs(x[i] - y[i]));
            scale = Math.max(scale, Math.abs(y[i]));
        }
        return diff / (1 + scale);
    }

    static double slope(double[] h, double[] err) {
        return Orders.slope(h, err);
    }
}
