package org.occam.lr;

import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.data.Dataset;
import org.occam.nn.Activation;
import org.occam.nn.Model;
import org.occam.nn.Models;
import org.occam.optim.LearningRateRule;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/** Closed-form float64 problems (quadratics, a linear corridor) and a tiny MLP for the lr tests. */
final class LrFixtures {
    static final DType F64 = DType.FLOAT64;
    static final Model MLP = Models.mlp(Activation.TANH, 2, 4, 2);

    private LrFixtures() {
    }

    static Params vector(double... w) {
        return Params.of("w", Tensor.of(F64, w, w.length));
    }

    static double[] values(Params p) {
        return p.get("w").toDoubleArray();
    }

    /** E(w) = ½ Σ a_i w_i²: H = diag(a), g = a∘w. */
    static Function<Params, Tensor> quadratic(double... a) {
        Tensor diag = Tensor.of(F64, a, a.length);
        return p -> p.get("w").square().mul(diag).sum().mul(0.5);
    }

    /** E(w) = c + Σ a_i w_i: H = 0 everywhere (a corridor, METHODS §5). */
    static Function<Params, Tensor> linear(double c, double... a) {
        Tensor coef = Tensor.of(F64, a, a.length);
        return p -> p.get("w").mul(coef).sum().add(c);
    }

    /** An objective that ignores its batch. */
    static Objective objective(Function<Params, Tensor> f) {
        return (p, b) -> f.apply(p);
    }

    /** One unlabelled row: a data set for trainers and monitors whose objective ignores the batch. */
    static Dataset dummyData() {
        return Dataset.regression("dummy", Tensor.zeros(F64, 1, 1), Tensor.zeros(F64, 1, 1));
    }

    /** A rule context at step s with the exact gradient and loss of f. */
    static LearningRateRule.Context context(long s, Function<Params, Tensor> f, Params p) {
        var vg = org.occam.autodiff.Autodiff.valueAndGrad(f).apply(p);
        return new LearningRateRule.Context(s, p, vg.grad(), vg.value());
    }

    /** Twelve points in R² with two regression targets and 0/1 labels. */
    static Dataset data() {
        Rng rng = Rng.seed(21);
        Tensor x = rng.normal(F64, 0, 1, 12, 2);
        int[] y = {0, 1, 1, 0, 1, 0, 0, 1, 1, 0, 1, 0};
        Tensor t = rng.normal(F64, 0, 1, 12, 2);
        return new Dataset("fixture", x, y, 2, null, t);
    }

    static Params mlpParams() {
        return MLP.init(Rng.seed(5), F64);
    }

    static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }
}
