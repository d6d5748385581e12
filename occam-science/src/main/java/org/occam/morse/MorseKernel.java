package org.occam.morse;

import java.util.Locale;
import org.occam.tensor.Tensor;

/**
 * A Morse kernel on R^k (METHODS §8): {@code K(z, t) ∈ (0, 1]}, equal to 1 if and only if
 * {@code z = t}, smooth, with a non-degenerate Hessian at {@code z = t}, so that the level set
 * {@code {x : φ(x) = T}} of a Morse network is a non-degenerate critical submanifold of its
 * modes (Morse–Bott).
 *
 * <p>Both kernels here are radial: {@code K = κ(r²)} with {@code r² = ‖z − t‖²} and
 * {@code κ(0) = 1}, so the Hessian of {@code K(·, t)} at {@code t} is {@code 2κ'(0)·I}. With
 * the scaling below, {@code κ'(0) = −λ²/2} for both, so the Hessian at the mode is exactly
 * {@code −λ² I} (non-degenerate for λ ≠ 0).
 *
 * <p>Everything is computed in the log domain: {@code log K} is exactly 0 at {@code r² = 0}
 * (so {@code K = exp(0) = 1} exactly), and {@code −log K} (the data term of the loss) never
 * underflows.
 *
 * <p>Formulas [RECALLED, METHODS §8]: Gaussian {@code exp(−(λ²/2) r²)}, Cauchy (Lorentzian)
 * {@code 1/(1 + (λ²/2) r²)}. The bandwidth λ is a parameter.
 */
public sealed interface MorseKernel permits MorseKernel.Gaussian, MorseKernel.Cauchy {

    /**
     * The bandwidth λ: the Hessian of K at the mode is −λ² I.
     *
     * @return λ
     */
    double lambda();

    /**
     * {@code log κ(r²)} elementwise on a tensor of squared distances (differentiable).
     *
     * @param r2 squared distances
     * @return log κ(r²)
     */
    Tensor logFromSquaredDistance(Tensor r2);

    /**
     * {@code log κ(r²)} for one squared distance.
     *
     * @param r2 a squared distance
     * @return log κ(r²)
     */
    double logFromSquaredDistance(double r2);

    /**
     * A spec string that {@link #parse} reads back, e.g. {@code gaussian:1.0}.
     *
     * @return the spec
     */
    String describe();

    /**
     * {@code K(z, t)} for two vectors of the same length.
     *
     * @param z a point
     * @param t a target
     * @return K(z, t)
     */
    default double value(double[] z, double[] t) {
        return Math.exp(logFromSquaredDistance(squaredDistance(z, t)));
    }

    /**
     * The Hessian of {@code K(·, t)} at {@code z = t}, as the scalar c in {@code c·I}:
     * {@code −λ²} for both kernels (non-degenerate, negative definite).
     *
     * @return −λ²
     */
    default double hessianAtMode() {
        return -lambda() * lambda();
    }

    /**
     * {@code log K(z_b, T_c)} for a batch of points {@code z [B, k]} and targets {@code t [C, k]}:
     * a {@code [B, C]} tensor. Squared distances are formed from differences (not from
     * {@code ‖z‖² − 2z·t + ‖t‖²}), so they are never negative and {@code K ≤ 1} holds exactly.
     *
     * @param z the points [B, k]
     * @param t the targets [C, k]
     * @return log K, [B, C]
     */
    default Tensor logKernel(Tensor z, Tensor t) {
        if (z.rank() != 2 || t.rank() != 2 || z.size(1) != t.size(1)) {
            throw new IllegalArgumentException("Morse kernel: need points [B, k] and targets [C, k], got "
                    + java.util.Arrays.toString(z.shapeRef()) + " and " + java.util.Arrays.toString(t.shapeRef()));
        }
        Tensor tt = t.dtype() == z.dtype() ? t : t.to(z.dtype());
        Tensor r2 = z.unsqueeze(1).sub(tt.unsqueeze(0)).square().sum(2);
        return logFromSquaredDistance(r2);
    }

    /**
     * Parses {@code gaussian[:λ]} or {@code cauchy[:λ]} (also {@code lorentzian}); λ defaults to 1.
     *
     * @param spec the spec, e.g. {@code gaussian:1}
     * @return the kernel
     */
    static MorseKernel parse(String spec) {
        String[] parts = spec.trim().toLowerCase(Locale.ROOT).split(":");
        double lambda;
        try {
            lambda = parts.length > 1 ? Double.parseDouble(parts[1]) : 1.0;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad Morse kernel '" + spec + "': λ must be a number (e.g. gaussian:1.0)");
        }
        return switch (parts[0]) {
            case "gaussian", "rbf" -> new Gaussian(lambda);
            case "cauchy", "lorentzian" -> new Cauchy(lambda);
            default -> throw new IllegalArgumentException("unknown Morse kernel '" + spec
                    + "': allowed values are gaussian[:λ], cauchy[:λ] (lorentzian[:λ])");
        };
    }

    /**
     * ‖z − t‖².
     *
     * @param z a point
     * @param t a point
     * @return the squared distance
     */
    static double squaredDistance(double[] z, double[] t) {
        if (z.length != t.length) {
            throw new IllegalArgumentException("Morse kernel: vectors of length " + z.length + " and " + t.length);
        }
        double s = 0;
        for (int i = 0; i < z.length; i++) {
            double d = z[i] - t[i];
            s += d * d;
        }
        return s;
    }

    private static void checkLambda(double lambda) {
        if (!(lambda > 0) || Double.isInfinite(lambda)) {
            throw new IllegalArgumentException("Morse kernel bandwidth λ must be positive and finite, got " + lambda);
        }
    }

    /**
     * Gaussian Morse kernel {@code exp(−(λ²/2)‖z − t‖²)}: with it the data term is Deep SVDD.
     *
     * @param lambda the bandwidth λ
     */
    record Gaussian(double lambda) implements MorseKernel {
        /** Checks that λ is positive and finite. */
        public Gaussian {
            checkLambda(lambda);
        }

        @Override
        public Tensor logFromSquaredDistance(Tensor r2) {
            return r2.mul(-0.5 * lambda * lambda);
        }

        @Override
        public double logFromSquaredDistance(double r2) {
            return -0.5 * lambda * lambda * r2;
        }

        @Override
        public String describe() {
            return "gaussian:" + lambda;
        }
    }

    /**
     * Cauchy (Lorentzian) Morse kernel {@code 1/(1 + (λ²/2)‖z − t‖²)}: heavy (polynomial) tails.
     *
     * @param lambda the bandwidth λ
     */
    record Cauchy(double lambda) implements MorseKernel {
        /** Checks that λ is positive and finite. */
        public Cauchy {
            checkLambda(lambda);
        }

        @Override
        public Tensor logFromSquaredDistance(Tensor r2) {
            return r2.mul(0.5 * lambda * lambda).log1p().neg();
        }

        @Override
        public double logFromSquaredDistance(double r2) {
            return -Math.log1p(0.5 * lambda * lambda * r2);
        }

        @Override
        public String describe() {
            return "cauchy:" + lambda;
        }
    }
}
