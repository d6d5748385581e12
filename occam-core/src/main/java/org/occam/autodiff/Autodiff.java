package org.occam.autodiff;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.occam.tensor.Graph;
import org.occam.tensor.Ops;
import org.occam.tensor.Shape;
import org.occam.tensor.Tensor;

/**
 * Function transforms in the spirit of JAX: each takes a function and returns a function (or
 * evaluates one), and composes with itself, so {@code hvp} is {@code grad} of a product with
 * {@code grad}. No global gradient state: calling a transform twice gives the same answer.
 *
 * <p>Each transform traces its function on fresh variables. When it runs inside another
 * transform's trace, its backward pass is recorded, so the enclosing transform can differentiate
 * through it; at top level nothing extra is recorded.
 */
public final class Autodiff {
    private Autodiff() {
    }

    /**
     * A value and its gradient.
     *
     * @param value f(p), a constant unless an enclosing transform traces
     * @param grad ∇f(p), a tree shaped like p
     */
    public record ValueAndGrad(Tensor value, Params grad) {
    }

    /**
     * A value and the pullback (vector-Jacobian product) at the traced point.
     *
     * @param value f at the traced point
     * @param pullback u ↦ uᵀ ∂f, for a cotangent u of the value's shape and dtype
     * @param <T> the type of the input cotangent: Params or Tensor
     */
    public record Vjp<T>(Tensor value, Function<Tensor, T> pullback) {
    }

    /**
     * A value and its directional derivative.
     *
     * @param value f(p)
     * @param tangent ∂f/∂p · v, of the value's shape
     */
    public record Jvp(Tensor value, Tensor tangent) {
    }

    /**
     * ∇f: the gradient of a scalar function of a parameter tree.
     *
     * @param f a function with a one-element output
     * @return p ↦ ∇f(p)
     */
    public static Function<Params, Params> grad(Function<Params, Tensor> f) {
        return p -> valueAndGrad(f).apply(p).grad();
    }

    /**
     * (f, ∇f) in one pass.
     *
     * @param f a function with a one-element output
     * @return p ↦ (f(p), ∇f(p))
     */
    public static Function<Params, ValueAndGrad> valueAndGrad(Function<Params, Tensor> f) {
        return p -> {
            Vjp<Params> v = vjp(f, p);
            Tensor value = v.value();
            requireScalar("grad", value);
            return new ValueAndGrad(result(value), v.pullback().apply(Tensor.ones(value.dtype(), value.shapeRef())));
        };
    }

    /**
     * The gradient of a scalar function of one tensor.
     *
     * @param f a function with a one-element output
     * @return x ↦ ∇f(x), of x's shape
     */
    public static Function<Tensor, Tensor> gradTensor(Function<Tensor, Tensor> f) {
        return x -> {
            Vjp<Tensor> v = vjpTensor(f, x);
            requireScalar("gradTensor", v.value());
            return v.pullback().apply(Tensor.ones(v.value().dtype(), v.value().shapeRef()));
        };
    }

    /**
     * Traces f at p and returns its value and pullback u ↦ uᵀ ∂f/∂p.
     *
     * @param f the function to trace
     * @param p the point
     * @return f(p) and its pullback
     */
    public static Vjp<Params> vjp(Function<Params, Tensor> f, Params p) {
        List<String> names = p.names();
        Tensor[] xs = new Tensor[names.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p.get(names.get(i));
        }
        Trace t = trace(leaves -> f.apply(tree(names, leaves)), xs);
        return new Vjp<>(result(t.out), u -> tree(names, pull(t, u)));
    }

    /**
     * vjp for a function of one tensor.
     *
     * @param f the function to trace
     * @param x the point
     * @return f(x) and its pullback
     */
    public static Vjp<Tensor> vjpTensor(Function<Tensor, Tensor> f, Tensor x) {
        Trace t = trace(leaves -> f.apply(leaves[0]), new Tensor[] {x});
        return new Vjp<>(result(t.out), u -> pull(t, u)[0]);
    }

    /**
     * Jacobian-vector product ∂f/∂p · v, by transposing the (linear) pullback: one more reverse
     * pass through the recorded backward graph.
     *
     * @param f the function
     * @param p the point
     * @param v the direction, a tree shaped like p
     * @return f(p) and ∂f/∂p · v
     */
    public static Jvp jvp(Function<Params, Tensor> f, Params p, Params v) {
        List<String> names = p.names();
        Tensor[] xs = new Tensor[names.size()];
        Tensor[] vs = new Tensor[names.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p.get(names.get(i));
            vs[i] = v.get(names.get(i));
        }
        Trace t = trace(leaves -> f.apply(tree(names, leaves)), xs);
        Tensor u = Graph.leaf(Tensor.zeros(t.out.dtype(), t.out.shapeRef()));
        Tensor s = Graph.traced(() -> {
            Tensor[] gx = Graph.backward(t.out, u, t.leaves, true);
            Tensor acc = null;
            for (int i = 0; i < gx.length; i++) {
                Tensor d = gx[i].dot(vs[i]);
                acc = acc == null ? d : acc.add(d);
            }
            return acc;
        });
        Tensor tangent = Graph.backward(s, Tensor.ones(s.dtype(), s.shapeRef()), new Tensor[] {u}, nested())[0];
        return new Jvp(result(t.out), tangent);
    }

    /**
     * Hessian-vector product H v = ∇_p ⟨∇f(p), v⟩ (reverse over reverse).
     *
     * @param f a function with a one-element output
     * @param p the point
     * @param v the direction, a tree shaped like p
     * @return H(p) v, a tree shaped like p
     */
    public static Params hvp(Function<Params, Tensor> f, Params p, Params v) {
        Function<Params, Params> g = grad(f);
        return grad(q -> g.apply(q).dot(v)).apply(p);
    }

    /**
     * Dense Jacobian of f at x, of shape out.shape ++ x.shape: one pullback per output element.
     *
     * @param f the function
     * @param x the point
     * @return ∂f/∂x
     */
    public static Tensor jacobian(Function<Tensor, Tensor> f, Tensor x) {
        Trace t = trace(leaves -> f.apply(leaves[0]), new Tensor[] {x});
        int m = t.out.numel();
        Tensor[] rows = new Tensor[m];
        for (int j = 0; j < m; j++) {
            Tensor e = Tensor.zeros(t.out.dtype(), m);
            if (e.doubleData() != null) {
                e.doubleData()[j] = 1;
            } else {
                e.floatData()[j] = 1;
            }
            rows[j] = pull(t, e.reshape(t.out.shapeRef()))[0].reshape(x.numel());
        }
        int[] shape = concatShapes(t.out.shapeRef(), x.shapeRef());
        return m == 0 ? Tensor.zeros(x.dtype(), shape) : Ops.stack(0, rows).reshape(shape);
    }

    /**
     * Dense Hessian [m, m] of a scalar function over the flattened parameter vector.
     *
     * @param f a function with a one-element output
     * @param p the point, m scalars in all
     * @return ∇²f(p) in the order of {@link Params#flatten()}
     */
    public static Tensor hessian(Function<Params, Tensor> f, Params p) {
        Function<Params, Params> g = grad(f);
        return jacobian(vec -> g.apply(p.unflatten(vec)).flatten(), p.flatten());
    }

    /**
     * The value of x as a constant: nothing flows back through it.
     *
     * @param x any tensor
     * @return the same values without graph
     */
    public static Tensor stopGradient(Tensor x) {
        return Ops.stopGradient(x);
    }

    // ------------------------------------------------------------------ internals

    private record Trace(Tensor[] leaves, Tensor out) {
    }

    private static Trace trace(Function<Tensor[], Tensor> f, Tensor[] xs) {
        Tensor[] leaves = new Tensor[xs.length];
        for (int i = 0; i < xs.length; i++) {
            leaves[i] = Graph.leaf(xs[i]);
        }
        Tensor out = Graph.traced(() -> f.apply(leaves));
        if (out == null) {
            throw new IllegalArgumentException("the function returned null instead of a tensor");
        }
        return new Trace(leaves, out);
    }

    private static Tensor[] pull(Trace t, Tensor cotangent) {
        if (cotangent.dtype() != t.out.dtype()) {
            throw new IllegalArgumentException("cotangent dtype " + cotangent.dtype() + " differs from output dtype "
                    + t.out.dtype());
        }
        return Graph.backward(t.out, cotangent, t.leaves, nested());
    }

    /** True when an enclosing transform is tracing: then our results must stay differentiable. */
    private static boolean nested() {
        return Graph.depth() > 0;
    }

    /** A traced output as the caller should see it: a constant unless an outer transform traces. */
    private static Tensor result(Tensor out) {
        return nested() ? out : Ops.stopGradient(out);
    }

    private static Params tree(List<String> names, Tensor[] values) {
        Map<String, Tensor> m = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            m.put(names.get(i), values[i]);
        }
        return Params.of(m);
    }

    private static void requireScalar(String what, Tensor v) {
        if (v.numel() != 1) {
            throw new IllegalArgumentException(what + " needs a function with a scalar (one-element) output, got shape "
                    + Shape.str(v.shapeRef()) + "; use vjp or jacobian for other outputs");
        }
    }

    private static int[] concatShapes(int[] a, int[] b) {
        int[] s = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, s, a.length, b.length);
        return s;
    }
}
