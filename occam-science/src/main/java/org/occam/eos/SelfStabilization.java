package org.occam.eos;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/**
 * Damian, Nichani &amp; Lee's self-stabilization (docs/eos-diagnostics.md). Around a reference point θ†
 * with sharpness S(θ†) = 2/η and top unit eigenvector u, with ∇S = ∇³L[u, u] (u held fixed), the
 * progressive-sharpening rate α = −∇L·∇S and the stabilization strength β = ‖∇S‖², the displacement
 * x = u·(θ − θ†) and the sharpness offset y = ∇S·(θ − θ†) follow, by the cubic Taylor expansion of L,
 * x_{t+1} = −(1 + ηy_t)x_t and y_{t+1} = y_t + η(α − βx_t²/2); the predicted sharpness is S_t = 2/η + y_t.
 * Approximated: L by its cubic Taylor expansion at θ†, u, ∇S, α, β frozen at θ†, u·∇L(θ†) = 0,
 * ∇S·u = 0, and the motion of θ − θ† outside span{u} (the projected-GD drift) ignored.
 */
public final class SelfStabilization {
    private SelfStabilization() {
    }

    /**
     * The quantities at the reference point.
     *
     * @param sharpness S = uᵀ∇²L u
     * @param alpha     α = −∇L·∇S
     * @param beta      β = ‖∇S‖²
     * @param gradS     ∇S
     */
    public record Coefficients(double sharpness, double alpha, double beta, Params gradS) {
    }

    /**
     * The predicted trajectory: x_t, y_t and S_t = 2/η + y_t for t = 0..steps.
     *
     * @param x x_t, the coordinate along the top eigenvector u
     * @param y y_t, the coordinate along ∇S
     * @param sharpness S_t
     */
    public record Prediction(double[] x, double[] y, double[] sharpness) {
    }

    /**
     * S, α, β and ∇S at θ† for the unit vector u (a top eigenvector of ∇²L(θ†)); ∇S by third-order autodiff.
     *
     * @param loss the training loss
     * @param reference θ†, a point where the sharpness is 2/η
     * @param u a unit top eigenvector of the Hessian at θ†
     * @return the coefficients
     */
    public static Coefficients at(Function<Params, Tensor> loss, Params reference, Params u) {
        Function<Params, Tensor> s = q -> Autodiff.hvp(loss, q, u).dot(u);
        Autodiff.ValueAndGrad sv = Autodiff.valueAndGrad(s).apply(reference);
        Params gradS = sv.grad();
        double alpha = -Autodiff.grad(loss).apply(reference).dot(gradS).item();
        return new Coefficients(sv.value().item(), alpha, gradS.normSquared().item(), gradS);
    }

    /**
     * The coordinates (x, y) of θ relative to θ†: x = u·(θ − θ†), y = ∇S·(θ − θ†).
     *
     * @param theta the point θ
     * @param reference θ†
     * @param u the unit top eigenvector at θ†
     * @param c the coefficients at θ†
     * @return {x, y}
     */
    public static double[] coordinates(Params theta, Params reference, Params u, Coefficients c) {
        Params d = theta.sub(reference);
        return new double[] {u.dot(d).item(), c.gradS().dot(d).item()};
    }

    /**
     * Iterates the two-dimensional map from (x₀, y₀) for {@code steps} steps at step size η.
     *
     * @param alpha α = −∇L·∇S, the progressive-sharpening rate
     * @param beta β = ‖∇S‖², the stabilization strength
     * @param eta the step size η
     * @param x0 the starting x
     * @param y0 the starting y
     * @param steps the number of steps
     * @return the trajectory
     */
    public static Prediction predict(double alpha, double beta, double eta, double x0, double y0, int steps) {
        if (!(eta > 0) || steps < 0) {
            throw new IllegalArgumentException("self-stabilization needs eta > 0 and steps >= 0, got " + eta + ", " + steps);
        }
        double[] x = new double[steps + 1];
        double[] y = new double[steps + 1];
        double[] s = new double[steps + 1];
        x[0] = x0;
        y[0] = y0;
        for (int t = 0; t <= steps; t++) {
            s[t] = 2 / eta + y[t];
            if (t < steps) {
                x[t + 1] = -(1 + eta * y[t]) * x[t];
                y[t + 1] = y[t] + eta * (alpha - beta * x[t] * x[t] / 2);
            }
        }
        return new Prediction(x, y, s);
    }
}
