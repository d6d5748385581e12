package org.occam.tensor;

import java.util.Locale;
import org.occam.tensor.kernel.Binary;
import org.occam.tensor.kernel.BinaryOp;

/** Differentiable broadcasting arithmetic; gradients are summed back to each operand's shape. */
final class BinaryOps {
    private BinaryOps() {
    }

    // add and sub keep only their operands' shapes for the backward pass, not the operands (a
    // residual sum would otherwise keep both branches' activations alive until the backward pass).
    static Tensor add(Tensor a, Tensor b) {
        int[] as = a.shapeRef();
        int[] bs = b.shapeRef();
        boolean da = a.requiresGrad();
        boolean db = b.requiresGrad();
        return Node.record("add", kernel(BinaryOp.ADD, a, b), g -> new Tensor[] {
            da ? ViewOps.sumToShape(g, as) : null, db ? ViewOps.sumToShape(g, bs) : null}, a, b);
    }

    static Tensor sub(Tensor a, Tensor b) {
        int[] as = a.shapeRef();
        int[] bs = b.shapeRef();
        boolean da = a.requiresGrad();
        boolean db = b.requiresGrad();
        return Node.record("sub", kernel(BinaryOp.SUB, a, b), g -> new Tensor[] {
            da ? ViewOps.sumToShape(g, as) : null, db ? ViewOps.sumToShape(g.neg(), bs) : null}, a, b);
    }

    static Tensor mul(Tensor a, Tensor b) {
        return Node.record("mul", kernel(BinaryOp.MUL, a, b),
                g -> new Tensor[] {need(a, () -> ViewOps.sumTo(g.mul(b), a)), need(b, () -> ViewOps.sumTo(g.mul(a), b))},
                a, b);
    }

    static Tensor div(Tensor a, Tensor b) {
        return Node.record("div", kernel(BinaryOp.DIV, a, b),
                (g, y) -> new Tensor[] {need(a, () -> ViewOps.sumTo(g.div(b), a)),
                    need(b, () -> ViewOps.sumTo(g.mul(y).div(b).neg(), b))}, a, b);
    }

    /** a^b elementwise; d/da = b·a^(b-1), d/db = a^b·log a. */
    static Tensor pow(Tensor a, Tensor b) {
        return Node.record("pow", kernel(BinaryOp.POW, a, b),
                (g, y) -> new Tensor[] {need(a, () -> ViewOps.sumTo(g.mul(b).mul(pow(a, b.sub(1))), a)),
                    need(b, () -> ViewOps.sumTo(g.mul(y).mul(a.log()), b))}, a, b);
    }

    /** x^p for a constant exponent p. */
    static Tensor powScalar(Tensor x, double p) {
        if (p == 1) {
            return x;
        }
        if (p == 2) {
            return mul(x, x);
        }
        Tensor exponent = Tensor.scalar(p, x.dtype());
        return Node.record("pow_scalar", kernel(BinaryOp.POW, x, exponent),
                g -> new Tensor[] {g.mul(powScalar(x, p - 1)).mul(p)}, x);
    }

    /** Elementwise maximum; ties send the gradient to the first operand (as PyTorch's where-based rule). */
    static Tensor maximum(Tensor a, Tensor b) {
        return select("maximum", BinaryOp.MAX, BinaryOp.GE, a, b);
    }

    static Tensor minimum(Tensor a, Tensor b) {
        return select("minimum", BinaryOp.MIN, BinaryOp.LE, a, b);
    }

    private static Tensor select(String name, BinaryOp op, BinaryOp firstWins, Tensor a, Tensor b) {
        return Node.record(name, kernel(op, a, b), g -> {
            Tensor mask = kernel(firstWins, a, b);
            return new Tensor[] {need(a, () -> ViewOps.sumTo(g.mul(mask), a)),
                need(b, () -> ViewOps.sumTo(g.mul(mask.neg().add(1)), b))};
        }, a, b);
    }

    /** Comparison as a constant 0/1 tensor (no gradient). */
    static Tensor compare(BinaryOp op, Tensor a, Tensor b) {
        return kernel(op, a, b);
    }

    /** The kernel's a op b (broadcast) as a constant; operands of two dtypes are an error naming both. */
    static Tensor kernel(BinaryOp op, Tensor a, Tensor b) {
        if (a.dtype() != b.dtype()) {
            throw new IllegalArgumentException(op.name().toLowerCase(Locale.ROOT) + ": dtype mismatch, "
                    + a.dtype() + " " + Shape.str(a.shapeRef()) + " vs " + b.dtype() + " " + Shape.str(b.shapeRef())
                    + " (convert one with .to(dtype))");
        }
        return Tensor.from(Binary.apply(op, a.buffer(), b.buffer()));
    }

    /** Computes an input's gradient only when that input is being differentiated. */
    static Tensor need(Tensor input, java.util.function.Supplier<Tensor> grad) {
        return input.requiresGrad() ? grad.get() : null;
    }
}
