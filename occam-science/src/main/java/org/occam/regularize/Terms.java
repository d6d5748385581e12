package org.occam.regularize;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.data.Batch;
import org.occam.tensor.Tensor;

/** Shared building blocks of the regularizers and modified losses: gradient norms, HVPs, batch rows. */
final class Terms {
    private Terms() {
    }

    /** p ↦ ‖∇f(p)‖², differentiable in p (double backprop). */
    static Function<Params, Tensor> gradNormSquared(Function<Params, Tensor> f) {
        Function<Params, Params> g = Autodiff.grad(f);
        return p -> g.apply(p).normSquared();
    }

    /** p ↦ f(p) + c·‖∇f(p)‖², from one forward pass (the value comes with the gradient). */
    static Function<Params, Tensor> plusGradNorm(Function<Params, Tensor> f, double c) {
        Function<Params, Autodiff.ValueAndGrad> vg = Autodiff.valueAndGrad(f);
        return p -> {
            Autodiff.ValueAndGrad v = vg.apply(p);
            return v.value().add(v.grad().normSquared().mul(c));
        };
    }

    /** p ↦ Σ_k f_k(p). */
    static Function<Params, Tensor> sum(List<Function<Params, Tensor>> fs) {
        requireNonEmpty(fs);
        return p -> {
            Tensor acc = null;
            for (Function<Params, Tensor> f : fs) {
                Tensor v = f.apply(p);
                acc = acc == null ? v : acc.add(v);
            }
            return acc;
        };
    }

    /** ∇f(p). */
    static Params grad(Function<Params, Tensor> f, Params p) {
        return Autodiff.grad(f).apply(p);
    }

    /** H(p) v with H = ∇²f. */
    static Params hvp(Function<Params, Tensor> f, Params p, Params v) {
        return Autodiff.hvp(f, p, v);
    }

    /** Rows [from, to) of a batch. */
    static Batch rows(Batch b, int from, int to) {
        int[] y = b.y();
        int[] idx = b.indices();
        return new Batch(b.x().slice(0, from, to), y == null ? null : Arrays.copyOfRange(y, from, to),
                b.targets() == null ? null : b.targets().slice(0, from, to), Arrays.copyOfRange(idx, from, to));
    }

    /** The batch with its inputs replaced. */
    static Batch withInputs(Batch b, Tensor x) {
        return new Batch(x, b.y(), b.targets(), b.indices());
    }

    static void requireNonEmpty(List<?> l) {
        if (l == null || l.isEmpty()) {
            throw new IllegalArgumentException("need at least one loss, got none");
        }
    }

    static void requireFinite(String what, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(what + " must be finite, got " + v);
        }
    }

    static void requireNonNegative(String what, double v) {
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(what + " must be a finite non-negative number, got " + v);
        }
    }
}
