package org.occam.measure;

import java.util.function.Function;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.InputJacobian;
import org.occam.autodiff.Params;
import org.occam.tensor.Recording;
import org.occam.nn.Forward;
import org.occam.nn.Linear;
import org.occam.nn.Model;
import org.occam.nn.Sequential;
import org.occam.tensor.DType;
import org.occam.tensor.Rng;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Geometric complexity, the discrete Dirichlet energy of a network (METHODS §7.2):
 * GC(f, D) = (1/|D|) Σ_{x∈D} ‖∇_x f(x)‖²_F, on the logits (before the softmax), or on an
 * embedding for §7.4; and, for 1-D regression, the arc length ∫√(1 + f'(x)²) dx of §7.1.
 *
 * <p>GC depends on the output scale, so compute it consistently on logits and in eval mode
 * (METHODS §10.8). All functions here treat the examples of a batch as independent (no batch
 * statistics): the Jacobian of the batch output with respect to the batch input is then
 * block-diagonal, so one pullback of a cotangent over the whole batch yields every example's
 * Jacobian-transpose product at once.
 *
 * <p>The exact values are differentiable with respect to the parameters: nothing is detached,
 * and the inner pullbacks are recorded whenever an enclosing transform traces, so
 * {@code Autodiff.grad(q -> GeometricComplexity.exact(model, q, x))} is the gradient of GC
 * (double backprop, METHODS §0.1 "GC gradient").
 */
public final class GeometricComplexity {
    private GeometricComplexity() {
    }

    /**
     * GC of the model's outputs over the batch x [B, ...] (a scalar tensor; differentiable in p).
     * A {@link Sequential} that begins with a {@link Linear} layer on inputs [B, d] goes through
     * {@link InputJacobian#frobeniusSquaredAfterLinear} (the Gram form of the first layer).
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @return GC
     */
    public static Tensor exact(Model model, Params p, Tensor x) {
        if (model instanceof Sequential s && s.layers().size() > 1 && s.layers().get(0) instanceof Linear lin
                && x.rank() == 2) {
            Tensor probe = Recording.noGrad(() -> model.apply(p, x.slice(0, 0, 1)));
            if (probe.rank() == 2) {
                String first = s.names().get(0) + ".";
                Function<Tensor, Tensor> rest = h -> {
                    Tensor y = h;
                    for (int i = 1; i < s.layers().size(); i++) {
                        y = s.applyChild(i, p::get, Forward.ambient(), y);
                    }
                    return y;
                };
                Tensor bias = lin.bias() ? p.get(first + "bias") : null;
                return InputJacobian.frobeniusSquaredAfterLinear(p.get(first + "weight"), bias, rest, x, probe.size(1))
                        .div(x.size(0));
            }
        }
        return exact(z -> model.apply(p, z), x);
    }

    /**
     * GC of the output of the first {@code upTo} layers (e.g. the penultimate embedding of §7.4)
     * over the batch x.
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @param upTo the number of leading layers
     * @return GC
     */
    public static Tensor exactLayer(Sequential model, Params p, Tensor x, int upTo) {
        return exact(z -> model.applyPrefix(p, z, upTo), x);
    }

    /**
     * GC of a per-example map f: [B, ...] → [B, k] over the batch x. For x of rank 2 and outputs
     * of rank 2 all k output cotangents go through one backward pass
     * ({@link InputJacobian#frobeniusSquared}), which needs f to accept a leading batch axis
     * ([k, B, d] → [k, B, k]; every matmul-based MLP does); otherwise k pullbacks of one trace
     * ({@link #exactPerOutput}).
     *
     * @param f the map
     * @param x the inputs
     * @return GC
     */
    public static Tensor exact(Function<Tensor, Tensor> f, Tensor x) {
        int b = x.size(0);
        Tensor probe = Recording.noGrad(() -> f.apply(x.slice(0, 0, 1)));
        if (x.rank() == 2 && probe.rank() == 2) {
            return InputJacobian.frobeniusSquared(f, x, probe.size(1)).div(b);
        }
        return exactPerOutput(f, x);
    }

    /**
     * GC by k pullbacks of one trace of f over the batch (k = outputs per example): the j-th
     * pullback of the cotangent e_j at every example gives row j of every example's Jacobian.
     * Works for any input and output shapes [B, ...]; differentiable in f's parameters.
     *
     * @param f the map
     * @param x the inputs
     * @return GC
     */
    public static Tensor exactPerOutput(Function<Tensor, Tensor> f, Tensor x) {
        int b = x.size(0);
        Autodiff.Vjp<Tensor> t = Autodiff.vjpTensor(f, x);
        Tensor out = t.value();
        checkBatch(out, b);
        int k = out.numel() / b;
        Tensor acc = null;
        for (int j = 0; j < k; j++) {
            double[] e = new double[out.numel()];
            for (int i = 0; i < b; i++) {
                e[i * k + j] = 1;
            }
            Tensor g = t.pullback().apply(Tensor.of(out.dtype(), e, out.shape()));
            Tensor s = g.square().sum();
            acc = acc == null ? s : acc.add(s);
        }
        return acc.div(b);
    }

    /**
     * Hutchinson GC of the model's outputs over x (see {@link #hutchinson(Function, Tensor, int, Rng)}).
     *
     * @param model the network
     * @param p θ
     * @param x the inputs
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static Estimate hutchinson(Model model, Params p, Tensor x, int probes, Rng rng) {
        return hutchinson(z -> model.apply(p, z), x, probes, rng);
    }

    /**
     * Hutchinson's estimate of GC (METHODS §7.2): ‖J‖²_F = E_v ‖J_xᵀ v‖² with v ~ N(0, I_k), one
     * independent v per example and probe. Each probe is one pullback of a single trace of f,
     * and its sample (1/B) Σ_b ‖J_bᵀ v_b‖² is unbiased for GC; the estimate averages the probes,
     * with stderr = sample std/√probes (relative stderr ≈ √(2/(probes·B)) when the examples are
     * alike, METHODS §10.8). Cost: one forward pass and {@code probes} backward passes.
     *
     * @param f the map
     * @param x the inputs
     * @param probes the number of probes
     * @param rng the generator of the probes
     * @return the estimate
     */
    public static Estimate hutchinson(Function<Tensor, Tensor> f, Tensor x, int probes, Rng rng) {
        if (probes < 1) {
            throw new IllegalArgumentException("Hutchinson GC needs at least one probe, got " + probes);
        }
        int b = x.size(0);
        Autodiff.Vjp<Tensor> t = Autodiff.vjpTensor(f, x);
        Tensor out = t.value();
        checkBatch(out, b);
        double[] samples = new double[probes];
        for (int i = 0; i < probes; i++) {
            Tensor v = rng.normal(out.dtype(), 0, 1, out.shape());
            samples[i] = t.pullback().apply(v).square().sum().item() / b;
        }
        return Estimate.of(samples, probes);
    }

    /**
     * Arc length of a 1-D model x ↦ model(p, [[x]]) over [a, b] (float grid in p's dtype).
     *
     * @param model the 1-D network
     * @param p θ
     * @param a the left end
     * @param b the right end
     * @param gridPoints the number of grid points
     * @return the arc length
     */
    public static double arcLength(Model model, Params p, double a, double b, int gridPoints) {
        return arcLength(z -> model.apply(p, z), a, b, gridPoints, p.dtype());
    }

    /**
     * Arc length ∫_a^b √(1 + f'(x)²) dx of a 1-D function, on a float64 grid (METHODS §7.1).
     *
     * @param f1d the function
     * @param a the left end
     * @param b the right end
     * @param gridPoints the number of grid points
     * @return the arc length
     */
    public static double arcLength(Function<Tensor, Tensor> f1d, double a, double b, int gridPoints) {
        return arcLength(f1d, a, b, gridPoints, DType.FLOAT64);
    }

    /**
     * Arc length by the trapezoid rule on {@code gridPoints} evenly spaced points, with f' from one
     * pullback of f over the whole grid. f maps a column [n, 1] to n values ([n, 1] or [n]),
     * each depending only on its own point.
     *
     * @param f1d the function
     * @param a the left end
     * @param b the right end
     * @param gridPoints the number of grid points
     * @param dtype the grid's dtype
     * @return the arc length
     */
    public static double arcLength(Function<Tensor, Tensor> f1d, double a, double b, int gridPoints, DType dtype) {
        if (gridPoints < 2) {
            throw new IllegalArgumentException("arc length needs at least 2 grid points, got " + gridPoints);
        }
        if (!(b > a)) {
            throw new IllegalArgumentException("arc length needs an interval a < b, got [" + a + ", " + b + "]");
        }
        int n = gridPoints;
        double h = (b - a) / (n - 1);
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = a + h * i;
        }
        xs[n - 1] = b;
        Autodiff.Vjp<Tensor> t = Autodiff.vjpTensor(f1d, Tensor.of(dtype, xs, n, 1));
        Tensor out = t.value();
        if (out.numel() != n) {
            throw new IllegalArgumentException("arc length needs a 1-D model with one output per point: " + n
                    + " points gave output of shape " + Shape.str(out.shapeRef()));
        }
        double[] d = t.pullback().apply(Tensor.ones(out.dtype(), out.shapeRef())).toDoubleArray();
        double s = 0;
        for (int i = 0; i < n; i++) {
            double seg = Math.sqrt(1 + d[i] * d[i]);
            s += (i == 0 || i == n - 1) ? 0.5 * seg : seg;
        }
        return s * h;
    }

    private static void checkBatch(Tensor out, int b) {
        if (out.rank() == 0 || out.size(0) != b) {
            throw new IllegalArgumentException("GC needs per-example outputs [B, ...] with B = " + b + ", got shape "
                    + Shape.str(out.shapeRef()));
        }
    }
}
