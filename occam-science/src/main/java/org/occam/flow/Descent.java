package org.occam.flow;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.regularize.ImplicitGradientRegularization;
import org.occam.tensor.Tensor;

/**
 * The discrete iterates that the flows model, in float64, as flat vectors θ_0 … θ_n.
 * Iterates that overflow stay non-finite (a diverging run is data, not an error).
 */
public final class Descent {
    private Descent() {
    }

    /**
     * Gradient descent θ_{k+1} = θ_k − h∇E(θ_k) (METHODS §1.1).
     *
     * @param loss E
     * @param theta0 θ_0
     * @param h the learning rate
     * @param steps the number of steps n
     * @return θ_0 … θ_n, flattened
     */
    public static double[][] gd(Function<Params, Tensor> loss, Params theta0, double h, int steps) {
        return heavyBall(loss, theta0, h, 0, steps);
    }

    /**
     * Heavy-ball momentum θ_{k+1} = θ_k − h∇E(θ_k) + β(θ_k − θ_{k−1}) with θ_{−1} = θ_0
     * (METHODS §1.4); β = 0 is GD.
     *
     * @param loss E
     * @param theta0 θ_0
     * @param h the learning rate
     * @param beta β
     * @param steps the number of steps n
     * @return θ_0 … θ_n, flattened
     */
    public static double[][] heavyBall(Function<Params, Tensor> loss, Params theta0, double h, double beta, int steps) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be >= 0, got " + steps);
        }
        if (!(beta >= 0 && beta < 1)) {
            throw new IllegalArgumentException("momentum beta must be in [0, 1), got " + beta);
        }
        Params p = Flow.params(theta0, theta0.flatten().toDoubleArray());
        double[][] out = new double[steps + 1][];
        out[0] = p.flatten().toDoubleArray();
        Params prev = p;
        for (int k = 0; k < steps; k++) {
            Params next;
            if (!DormandPrince.allFinite(out[k])) {
                next = p;
            } else if (beta == 0) {
                next = ImplicitGradientRegularization.gdStep(loss, p, h);
            } else {
                next = p.addScaled(Autodiff.grad(loss).apply(p), -h).addScaled(p.sub(prev), beta);
            }
            prev = p;
            p = next.detach();
            out[k + 1] = p.flatten().toDoubleArray();
        }
        return out;
    }
}
