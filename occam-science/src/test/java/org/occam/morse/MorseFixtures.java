package org.occam.morse;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.nn.Model;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Tensor;

/** Fixed maps φ with known mode sets, and the central-difference gradient check. */
final class MorseFixtures {
    private MorseFixtures() {
    }

    /** φ(x) = x: M(x) = K(x, T), whose only mode is x = T. */
    static final Model IDENTITY = fixed("identity", x -> x);

    /** φ(x) = x₁ (first coordinate): M(x) = K(x₁, T), whose modes are the hyperplane x₁ = T. */
    static final Model FIRST_COORDINATE = fixed("first-coordinate", x -> x.slice(1, 0, 1));

    /** A parameter-free model computing f. */
    static Model fixed(String name, Function<Tensor, Tensor> f) {
        return new Model() {
            @Override
            public Tensor apply(Params p, Tensor x) {
                return f.apply(x);
            }

            @Override
            public Params init(Rng rng, DType dtype) {
                return Params.of(new LinkedHashMap<>());
            }

            @Override
            public String describe() {
                return name;
            }
        };
    }

    static Params none() {
        return Params.of(new LinkedHashMap<>());
    }

    /** Checks the backprop gradient of f at p against central differences (step d) to relative error tol. */
    static void assertGradientMatches(String what, Function<Params, Tensor> f, Params p, double d, double tol) {
        double[] g = Autodiff.grad(f).apply(p).flatten().toDoubleArray();
        double[] v = p.flatten().toDoubleArray();
        double diff = 0;
        double scale = 0;
        for (int i = 0; i < v.length; i++) {
            double[] plus = v.clone();
            double[] minus = v.clone();
            plus[i] += d;
            minus[i] -= d;
            double fd = (f.apply(p.unflatten(Tensor.of(plus, v.length))).item()
                    - f.apply(p.unflatten(Tensor.of(minus, v.length))).item()) / (2 * d);
            diff = Math.max(diff, Math.abs(fd - g[i]));
            scale = Math.max(scale, Math.abs(fd));
        }
        double rel = diff / (1 + scale);
        assertTrue(rel < tol, what + ": backprop vs central differences, relative error " + rel + " (tolerance " + tol + ")");
    }
}
