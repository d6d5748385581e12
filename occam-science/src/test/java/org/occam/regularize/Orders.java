package org.occam.regularize;

import java.util.Locale;
import java.util.function.Function;
import org.occam.autodiff.Params;
import org.occam.tensor.Tensor;

/** Helpers of the order-of-accuracy checks: fixtures, distances and the log-log slope fit. */
public final class Orders {
    /** The halving ladder of METHODS §11. */
    static final double[] LADDER = {0.16, 0.08, 0.04, 0.02};

    private Orders() {
    }

    /** Least-squares slope of log(err) against log(h). */
    public static double slope(double[] h, double[] err) {
        int n = h.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += Math.log(h[i]) / n;
            my += Math.log(err[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = Math.log(h[i]) - mx;
            sxy += dx * (Math.log(err[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    /** ‖a − b‖ over all entries. */
    static double distance(Params a, Params b) {
        return Math.sqrt(a.sub(b).normSquared().item());
    }

    /** A float64 parameter vector named "theta". */
    static Params theta(double... v) {
        return Params.of("theta", Tensor.of(v, v.length));
    }

    /** E(θ) = (1/n) Σ_i ½(y_i − θ₀ tanh(θ₁ x_i + θ₂))², a smooth 3-parameter loss. */
    static Function<Params, Tensor> tanhLeastSquares(double[] xs, double[] ys) {
        Tensor x = Tensor.of(xs, xs.length);
        Tensor y = Tensor.of(ys, ys.length);
        return p -> {
            Tensor t = p.get("theta");
            Tensor a = t.slice(0, 0, 1);
            Tensor b = t.slice(0, 1, 2);
            Tensor c = t.slice(0, 2, 3);
            Tensor f = x.mul(b).add(c).tanh().mul(a);
            return y.sub(f).square().mean().mul(0.5);
        };
    }

    static String row(String name, double[] h, double[] err) {
        StringBuilder sb = new StringBuilder(name).append(':');
        for (int i = 0; i < h.length; i++) {
            sb.append(String.format(Locale.ROOT, " h=%.4g err=%.3e", h[i], err[i]));
        }
        return sb.append(String.format(Locale.ROOT, " slope=%.3f", slope(h, err))).toString();
    }
}
