package org.occam.tensor;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.occam.tensor.kernel.Strided;

/** Differentiable changes of geometry: most are views that share storage. */
final class ViewOps {
    private ViewOps() {
    }

    static Tensor reshape(Tensor x, int... shape) {
        int[] s = inferShape(x, shape);
        Tensor src = x.isContiguous() ? x : Tensor.from(Strided.contiguousCopy(x.buffer()));
        Tensor out = src.view(s, Shape.contiguousStrides(s), src.offset());
        return Node.record("reshape", out, g -> new Tensor[] {reshape(g, x.shapeRef())}, x);
    }

    private static int[] inferShape(Tensor x, int[] shape) {
        int[] s = shape.clone();
        int infer = -1;
        long known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1) {
                if (infer >= 0) {
                    throw new IllegalArgumentException("reshape " + Shape.str(x.shapeRef()) + " to "
                            + Arrays.toString(shape) + ": only one dimension may be -1");
                }
                infer = i;
            } else {
                known *= s[i];
            }
        }
        int n = x.numel();
        if (infer >= 0 && known != 0 && n % known == 0) {
            s[infer] = (int) (n / known);
        }
        if (Shape.numel(s) != n || (infer >= 0 && known == 0)) {
            throw new IllegalArgumentException("cannot reshape tensor of shape " + Shape.str(x.shapeRef()) + " ("
                    + n + " elements) to " + Arrays.toString(shape));
        }
        return s;
    }

    static Tensor permute(Tensor x, int... axes) {
        int r = x.rank();
        if (axes.length != r) {
            throw new IllegalArgumentException("permute " + Arrays.toString(axes) + " needs " + r
                    + " axes for shape " + Shape.str(x.shapeRef()));
        }
        int[] s = new int[r];
        int[] st = new int[r];
        int[] inv = new int[r];
        boolean[] seen = new boolean[r];
        for (int i = 0; i < r; i++) {
            int a = Shape.axis(axes[i], r);
            if (seen[a]) {
                throw new IllegalArgumentException("permute " + Arrays.toString(axes) + " repeats axis " + a);
            }
            seen[a] = true;
            s[i] = x.shapeRef()[a];
            st[i] = x.stridesRef()[a];
            inv[a] = i;
        }
        return Node.record("permute", x.view(s, st, x.offset()), g -> new Tensor[] {permute(g, inv)}, x);
    }

    static Tensor transpose(Tensor x, int a, int b) {
        int r = x.rank();
        int[] axes = new int[r];
        for (int i = 0; i < r; i++) {
            axes[i] = i;
        }
        int na = Shape.axis(a, r);
        int nb = Shape.axis(b, r);
        axes[na] = nb;
        axes[nb] = na;
        return permute(x, axes);
    }

    /** Elements start..end-1 along one axis (a view). */
    static Tensor slice(Tensor x, int axis, int start, int end) {
        int a = Shape.axis(axis, x.rank());
        int size = x.shapeRef()[a];
        if (start < 0 || end > size || start > end) {
            throw new IllegalArgumentException("slice [" + start + ":" + end + ") of axis " + a + " is out of range for shape "
                    + Shape.str(x.shapeRef()));
        }
        int[] s = x.shape();
        s[a] = end - start;
        Tensor out = x.view(s, x.strides(), x.offset() + start * x.stridesRef()[a]);
        return Node.record("slice", out, g -> new Tensor[] {padSlice(g, a, start, size)}, x);
    }

    /** The inverse of slice: g placed at [start, start+len) of a zero tensor whose axis has {@code size}. */
    static Tensor padSlice(Tensor g, int axis, int start, int size) {
        int[] s = g.shape();
        int len = s[axis];
        s[axis] = size;
        Tensor out = Tensor.zeros(g.dtype(), s);
        Strided.copyInto(g.buffer(), out.buffer(), axis, start);
        return Node.record("pad_slice", out, gg -> new Tensor[] {slice(gg, axis, start, start + len)}, g);
    }

    /** Broadcasts x to a larger shape without copying (stride 0 on broadcast axes). */
    static Tensor expand(Tensor x, int... shape) {
        if (Shape.same(x.shapeRef(), shape)) {
            return x;
        }
        int[] st = Strided.broadcastStrides(x.shapeRef(), x.stridesRef(), shape);
        return Node.record("expand", x.view(shape.clone(), st, x.offset()), g -> new Tensor[] {sumTo(g, x)}, x);
    }

    /** Sums g over the axes along which {@code like} was broadcast, giving like's shape. */
    static Tensor sumTo(Tensor g, Tensor like) {
        return sumToShape(g, like.shapeRef());
    }

    static Tensor sumToShape(Tensor g, int[] shape) {
        int[] gs = g.shapeRef();
        if (Shape.same(gs, shape)) {
            return g;
        }
        int lead = gs.length - shape.length;
        List<Integer> axes = new ArrayList<>();
        for (int i = 0; i < gs.length; i++) {
            if (i < lead || (shape[i - lead] == 1 && gs[i] != 1)) {
                axes.add(i);
            }
        }
        Tensor s = ReduceOps.sum(g, true, axes.stream().mapToInt(Integer::intValue).toArray());
        return reshape(s, shape);
    }

    static Tensor unsqueeze(Tensor x, int axis) {
        int r = x.rank() + 1;
        int a = Shape.axis(axis, r);
        int[] s = new int[r];
        for (int i = 0, j = 0; i < r; i++) {
            s[i] = i == a ? 1 : x.shapeRef()[j++];
        }
        return reshape(x, s);
    }

    static Tensor squeeze(Tensor x, int axis) {
        int a = Shape.axis(axis, x.rank());
        if (x.shapeRef()[a] != 1) {
            throw new IllegalArgumentException("squeeze axis " + axis + " of shape " + Shape.str(x.shapeRef())
                    + ": the axis has size " + x.shapeRef()[a] + ", not 1");
        }
        int[] s = new int[x.rank() - 1];
        for (int i = 0, j = 0; i < x.rank(); i++) {
            if (i != a) {
                s[j++] = x.shapeRef()[i];
            }
        }
        return reshape(x, s);
    }

    static Tensor contiguous(Tensor x) {
        if (x.isDense()) {
            return x;
        }
        return Node.record("contiguous", Tensor.from(Strided.contiguousCopy(x.buffer())), g -> new Tensor[] {g}, x);
    }

    static Tensor cast(Tensor x, DType target) {
        if (x.dtype() == target) {
            return x;
        }
        int[] s = x.shapeRef();
        Tensor out = target == DType.FLOAT64 ? Tensor.wrap(x.toDoubleArray(), s) : Tensor.wrap(x.toFloatArray(), s);
        DType from = x.dtype();
        return Node.record("cast", out, g -> new Tensor[] {cast(g, from)}, x);
    }

    /** The value of x as a constant: no gradient flows through it. */
    static Tensor stopGradient(Tensor x) {
        return x.requiresGrad() ? x.withNode(null) : x;
    }

    /** Joins tensors along an existing axis; all other dimensions must agree. */
    static Tensor concat(int axis, Tensor... xs) {
        if (xs.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        int r = xs[0].rank();
        int a = Shape.axis(axis, r);
        int[] s = xs[0].shape();
        int total = 0;
        for (Tensor x : xs) {
            if (x.dtype() != xs[0].dtype()) {
                throw new IllegalArgumentException("concat: dtype mismatch, " + xs[0].dtype() + " vs " + x.dtype());
            }
            for (int i = 0; i < r; i++) {
                if (x.rank() != r || (i != a && x.shapeRef()[i] != s[i])) {
                    throw new IllegalArgumentException("concat along axis " + a + ": shapes " + Shape.str(xs[0].shapeRef())
                            + " and " + Shape.str(x.shapeRef()) + " differ off that axis");
                }
            }
            total += x.shapeRef()[a];
        }
        s[a] = total;
        Tensor out = Tensor.zeros(xs[0].dtype(), s);
        int[] starts = new int[xs.length];
        int pos = 0;
        for (int k = 0; k < xs.length; k++) {
            starts[k] = pos;
            Strided.copyInto(xs[k].buffer(), out.buffer(), a, pos);
            pos += xs[k].shapeRef()[a];
        }
        return Node.record("concat", out, g -> {
            Tensor[] gs = new Tensor[xs.length];
            for (int k = 0; k < xs.length; k++) {
                gs[k] = xs[k].requiresGrad() ? slice(g, a, starts[k], starts[k] + xs[k].shapeRef()[a]) : null;
            }
            return gs;
        }, xs);
    }

    /** Joins tensors of one shape along a new axis. */
    static Tensor stack(int axis, Tensor... xs) {
        Tensor[] u = new Tensor[xs.length];
        for (int k = 0; k < xs.length; k++) {
            if (!Shape.same(xs[k].shapeRef(), xs[0].shapeRef())) {
                throw new IllegalArgumentException("stack: shapes " + Shape.str(xs[0].shapeRef()) + " and "
                        + Shape.str(xs[k].shapeRef()) + " differ");
            }
            u[k] = unsqueeze(xs[k], axis);
        }
        return concat(axis, u);
    }
}
