package org.occam.tensor;

import org.occam.tensor.kernel.Fused;
import org.occam.tensor.kernel.ReluGrad;

/** Fused ops whose own derivatives are spelled out, so fusing keeps every order differentiable. */
final class FusedOps {
    private FusedOps() {
    }

    /** t = g·(1 − y²); dt/dg = 1 − y², dt/dy = −2·g·y. */
    static Tensor tanhBackward(Tensor g, Tensor y) {
        return Node.record("tanh_backward", tanhGrad(g, y), gg -> new Tensor[] {
            BinaryOps.need(g, () -> tanhBackward(gg, y)),
            BinaryOps.need(y, () -> gg.mul(g).mul(y).mul(-2))}, g, y);
    }

    /** The fused kernel's g·(1 − y²) as a constant; g and y must agree in shape and dtype. */
    private static Tensor tanhGrad(Tensor g, Tensor y) {
        if (!Shape.same(g.shapeRef(), y.shapeRef()) || g.dtype() != y.dtype()) {
            throw new IllegalArgumentException("tanh backward: gradient " + g.dtype() + " " + Shape.str(g.shapeRef())
                    + " vs output " + y.dtype() + " " + Shape.str(y.shapeRef()));
        }
        return Tensor.from(Fused.tanhGrad(g.buffer(), y.buffer()));
    }

    /**
     * t = g·step(x), the ReLU backward in one pass (x the ReLU's input or its output: same step);
     * dt/dg = step(x), and x enters only through the constant step.
     */
    static Tensor reluBackward(Tensor g, Tensor x) {
        if (!Shape.same(g.shapeRef(), x.shapeRef()) || g.dtype() != x.dtype()) {
            throw new IllegalArgumentException("relu backward: gradient " + g.dtype() + " " + Shape.str(g.shapeRef())
                    + " vs input " + x.dtype() + " " + Shape.str(x.shapeRef()));
        }
        Tensor out = Tensor.from(ReluGrad.apply(g.buffer(), x.buffer()));
        return Node.record("relu_backward", out, gg -> new Tensor[] {reluBackward(gg, x)}, g);
    }
}
