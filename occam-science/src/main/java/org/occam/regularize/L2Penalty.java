package org.occam.regularize;

import java.util.function.Predicate;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;
import org.occam.train.Objective;

/**
 * Weight decay as a loss term (METHODS §7.2, "parameter-norm regularisation controls GC"):
 * loss + (λ/2)‖θ‖², with the ½ so that the gradient term is λθ, the same update as
 * {@code torch.optim.SGD(weight_decay=λ)} under plain SGD. A name filter restricts it (for example to
 * weights only).
 */
public final class L2Penalty {
    private L2Penalty() {
    }

    /**
     * base + (λ/2)‖θ‖² over every parameter.
     *
     * @param base the objective
     * @param lambda λ
     * @return the penalized objective
     */
    public static Objective of(Objective base, double lambda) {
        return of(base, lambda, name -> true);
    }

    /**
     * base + (λ/2) Σ_{names passing which} ‖θ_name‖².
     *
     * @param base the objective
     * @param lambda λ
     * @param which which parameters, by name
     * @return the penalized objective
     */
    public static Objective of(Objective base, double lambda, Predicate<String> which) {
        Terms.requireNonNegative("L2 coefficient lambda", lambda);
        return Objective.regularized(base, true, (p, b) -> base.loss(p, b).add(halfNormSquared(p, which).mul(lambda)));
    }

    /**
     * ½ Σ_{names passing which} ‖θ_name‖² (differentiable).
     *
     * @param p the parameters
     * @param which which parameters, by name
     * @return the half squared norm
     */
    public static Tensor halfNormSquared(Params p, Predicate<String> which) {
        Tensor acc = Tensor.scalar(0, p.dtype());
        for (var e : p) {
            if (which.test(e.getKey())) {
                acc = acc.add(e.getValue().square().sum());
            }
        }
        return acc.mul(0.5);
    }

    /**
     * Accepts parameters whose name does not end with "bias".
     *
     * @return the filter
     */
    public static Predicate<String> weightsOnly() {
        return name -> !name.endsWith("bias");
    }
}
