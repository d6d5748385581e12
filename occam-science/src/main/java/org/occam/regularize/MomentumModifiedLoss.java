package org.occam.regularize;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Backward error analysis of heavy-ball momentum θ_{n+1} = θ_n − h∇E(θ_n) + β(θ_n − θ_{n−1})
 * (METHODS §1.4). After the O(1/(1−β)) transient the iterates follow
 * θ̇ = −(1/(1−β))∇Ẽ_β with Ẽ_β = E + [h(1+β)/(4(1−β)²)]‖∇E‖², local error O(h³); the plain
 * flow θ̇ = −∇E/(1−β) has O(h²). At equal effective rate h/(1−β), momentum multiplies the IGR
 * coefficient by (1+β)/(1−β).
 */
public final class MomentumModifiedLoss {
    private MomentumModifiedLoss() {
    }

    /**
     * h(1+β)/(4(1−β)²).
     *
     * @param h the learning rate
     * @param beta β
     * @return the coefficient of ‖∇E‖²
     */
    public static double coefficient(double h, double beta) {
        checkBeta(beta);
        return h * (1 + beta) / (4 * (1 - beta) * (1 - beta));
    }

    /**
     * The effective learning rate h/(1−β).
     *
     * @param h the learning rate
     * @param beta β
     * @return h/(1−β)
     */
    public static double effectiveLearningRate(double h, double beta) {
        checkBeta(beta);
        return h / (1 - beta);
    }

    /**
     * Ẽ_β = E + [h(1+β)/(4(1−β)²)]‖∇E‖².
     *
     * @param loss E
     * @param h the learning rate
     * @param beta β
     * @return Ẽ_β
     */
    public static Function<Params, Tensor> modifiedLoss(Function<Params, Tensor> loss, double h, double beta) {
        return Terms.plusGradNorm(loss, coefficient(h, beta));
    }

    /**
     * θ̇ = −(1/(1−β))∇Ẽ_β (local error O(h³) after the transient).
     *
     * @param loss E
     * @param h the learning rate
     * @param beta β
     * @return the vector field
     */
    public static Function<Params, Params> flow(Function<Params, Tensor> loss, double h, double beta) {
        Function<Params, Params> g = Autodiff.grad(modifiedLoss(loss, h, beta));
        double s = -1 / (1 - beta);
        return p -> g.apply(p).scale(s);
    }

    /**
     * θ̇ = −∇E/(1−β), the flow without the correction (local error O(h²)).
     *
     * @param loss E
     * @param beta β
     * @return the vector field
     */
    public static Function<Params, Params> plainFlow(Function<Params, Tensor> loss, double beta) {
        checkBeta(beta);
        Function<Params, Params> g = Autodiff.grad(loss);
        double s = -1 / (1 - beta);
        return p -> g.apply(p).scale(s);
    }

    private static void checkBeta(double beta) {
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must be in [0, 1), got " + beta);
        }
    }
}
