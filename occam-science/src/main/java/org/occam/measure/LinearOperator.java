package org.occam.measure;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.occam.autodiff.Autodiff;
import org.occam.autodiff.Params;
import org.occam.tensor.DType;
import org.occam.tensor.Tensor;

/**
 * A symmetric linear map on parameter space (the Hessian H, the Gauss-Newton matrix G, or any
 * matrix) that counts its applications, so every spectral estimator can report the HVPs it spent
 * (METHODS §0.1: HVP, top eigenpair, full Hessian + eigh).
 *
 * <p>{@link #hessian} traces ∇E once at θ and reuses the recorded graph: each application is one
 * reverse pass through the backward graph (reverse over reverse), with no new forward pass.
 * Vectors live in a tree shaped like {@link #template()}; {@link #apply(double[])} works on the
 * flattened float64 vector (converted to the model's dtype for the product).
 */
public final class LinearOperator {
    private final Params template;
    private final UnaryOperator<Params> body;
    private final AtomicLong applications = new AtomicLong();

    private LinearOperator(Params template, UnaryOperator<Params> body) {
        this.template = template;
        this.body = body;
    }

    /**
     * An operator acting on trees shaped like {@code template}.
     *
     * @param template the trees' names, shapes and dtype
     * @param body v ↦ A v
     * @return the operator
     */
    public static LinearOperator of(Params template, UnaryOperator<Params> body) {
        return new LinearOperator(template.detach(), body);
    }

    /**
     * The Hessian of a scalar loss at p: v ↦ H v. The gradient is traced once here; each
     * application pulls v back through it (u ↦ uᵀ ∂∇E/∂θ = H u, as H is symmetric).
     *
     * @param loss E
     * @param p θ
     * @return H
     */
    public static LinearOperator hessian(Function<Params, Tensor> loss, Params p) {
        Function<Params, Params> grad = Autodiff.grad(loss);
        Autodiff.Vjp<Params> g = Autodiff.vjp(q -> grad.apply(q).flatten(), p);
        return of(p, v -> g.pullback().apply(v.flatten()));
    }

    /**
     * The Gauss-Newton matrix G = J_fᵀ ∇²_z L J_f of loss(θ) = L(f(θ)) at p (see {@link GaussNewton}).
     *
     * @param outputs θ ↦ z
     * @param outputLoss z ↦ L(z)
     * @param p θ
     * @return G
     */
    public static LinearOperator gaussNewton(Function<Params, Tensor> outputs, Function<Tensor, Tensor> outputLoss,
            Params p) {
        return GaussNewton.operator(outputs, outputLoss, p);
    }

    /**
     * A dense symmetric matrix as an operator on a single float64 parameter "x" of length n.
     *
     * @param a the matrix
     * @return the operator
     */
    public static LinearOperator matrix(double[][] a) {
        int n = a.length;
        Tensor m = Tensor.of(flat(a), n, n);
        return of(Params.of("x", Tensor.zeros(DType.FLOAT64, n)), v -> Params.of("x", m.matmul(v.get("x"))));
    }

    /**
     * A v (one application).
     *
     * @param v a tree shaped like the template
     * @return A v
     */
    public Params apply(Params v) {
        applications.incrementAndGet();
        return body.apply(v);
    }

    /**
     * A v on the flattened vector, in float64.
     *
     * @param v the flat vector
     * @return A v
     */
    public double[] apply(double[] v) {
        if (v.length != dim()) {
            throw new IllegalArgumentException("operator of dimension " + dim() + " applied to a vector of length " + v.length);
        }
        return Vectors.of(apply(Vectors.params(template, v)));
    }

    /**
     * Number of scalar parameters m (the operator is m × m).
     *
     * @return m
     */
    public int dim() {
        return template.numel();
    }

    /**
     * A tree with the operator's names, shapes and dtype (the point p for H and G).
     *
     * @return the template
     */
    public Params template() {
        return template;
    }

    /**
     * Operator applications so far (HVPs or GN products).
     *
     * @return the count
     */
    public long applications() {
        return applications.get();
    }

    private static double[] flat(double[][] a) {
        int n = a.length;
        double[] f = new double[n * n];
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new IllegalArgumentException("matrix must be square: row " + i + " has " + a[i].length + " entries, not " + n);
            }
            System.arraycopy(a[i], 0, f, i * n, n);
        }
        return f;
    }
}
