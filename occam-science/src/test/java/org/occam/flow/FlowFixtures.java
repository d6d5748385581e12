package org.occam.flow;

import java.util.Locale;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Shared fixtures of the flow tests: losses, slopes and printing. */
final class FlowFixtures {
    private FlowFixtures() {
    }

    /** A float64 parameter vector named "theta". */
    static Params theta(double... v) {
        return Params.of("theta", Tensor.of(v, v.length));
    }

    /** E(θ) = Σ_i a_i θ_i² (Hessian diag(2a)). */
    static Function<Params, Tensor> diagonalQuadratic(double... a) {
        Tensor w = Tensor.of(a, a.length);
        return p -> p.get("theta").square().mul(w).sum();
    }

    /** E(θ) = (1/n) Σ_i ½(y_i − θ₀ tanh(θ₁ x_i + θ₂))², a smooth 3-parameter loss (as IGR-0). */
    static Function<Params, Tensor> tanhLeastSquares(double[] xs, double[] ys) {
        Tensor x = Tensor.of(xs, xs.length);
        Tensor y = Tensor.of(ys, ys.length);
        return p -> {
            Tensor t = p.get("theta");
            Tensor f = x.mul(t.slice(0, 1, 2)).add(t.slice(0, 2, 3)).tanh().mul(t.slice(0, 0, 1));
            return y.sub(f).square().mean().mul(0.5);
        };
    }

    /** Least-squares slope of log(err) against log(h) (the order-check fit shared with the regularize tests). */
    static double slope(double[] h, double[] err) {
        return org.occam.regularize.Orders.slope(h, err);
    }

    static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    static String row(String name, double[] h, double[] err) {
        StringBuilder sb = new StringBuilder(name).append(':');
        for (int i = 0; i < h.length; i++) {
            sb.append(String.format(Locale.ROOT, " h=%.4g err=%.3e", h[i], err[i]));
        }
        return sb.append(String.format(Locale.ROOT, " slope=%.3f", slope(h, err))).toString();
    }
}
