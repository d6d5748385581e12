package org.occam.tensor;

import org.occam.tensor.kernel.Unary;
import org.occam.tensor.kernel.UnaryOp;

/** Differentiable elementwise functions; each backward rule sits next to its forward kernel. */
final class UnaryOps {
    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private UnaryOps() {
    }

    static Tensor neg(Tensor x) {
        return Node.record("neg", kernel(UnaryOp.NEG, x), g -> new Tensor[] {neg(g)}, x);
    }

    static Tensor exp(Tensor x) {
        return Node.record("exp", kernel(UnaryOp.EXP, x), (g, y) -> new Tensor[] {g.mul(y)}, x);
    }

    static Tensor log(Tensor x) {
        return Node.record("log", kernel(UnaryOp.LOG, x), g -> new Tensor[] {g.div(x)}, x);
    }

    static Tensor log1p(Tensor x) {
        return Node.record("log1p", kernel(UnaryOp.LOG1P, x), g -> new Tensor[] {g.div(x.add(1))}, x);
    }

    static Tensor sqrt(Tensor x) {
        return Node.record("sqrt", kernel(UnaryOp.SQRT, x), (g, y) -> new Tensor[] {g.div(y.mul(2))}, x);
    }

    static Tensor abs(Tensor x) {
        return Node.record("abs", kernel(UnaryOp.ABS, x),
                g -> new Tensor[] {g.mul(kernel(UnaryOp.SIGN, x))}, x);
    }

    static Tensor tanh(Tensor x) {
        return Node.record("tanh", kernel(UnaryOp.TANH, x),
                (g, y) -> new Tensor[] {FusedOps.tanhBackward(g, y)}, x);
    }

    static Tensor sigmoid(Tensor x) {
        return Node.record("sigmoid", kernel(UnaryOp.SIGMOID, x),
                (g, y) -> new Tensor[] {g.mul(y).mul(y.neg().add(1))}, x);
    }

    static Tensor relu(Tensor x) {
        // step(relu(x)) = step(x): the rule reads the output, so the input need not be kept for it
        return Node.record("relu", kernel(UnaryOp.RELU, x),
                (g, y) -> new Tensor[] {FusedOps.reluBackward(g, y)}, x);
    }

    static Tensor softplus(Tensor x) {
        return Node.record("softplus", kernel(UnaryOp.SOFTPLUS, x), g -> new Tensor[] {g.mul(sigmoid(x))}, x);
    }

    static Tensor sin(Tensor x) {
        return Node.record("sin", kernel(UnaryOp.SIN, x), g -> new Tensor[] {g.mul(cos(x))}, x);
    }

    static Tensor cos(Tensor x) {
        return Node.record("cos", kernel(UnaryOp.COS, x), g -> new Tensor[] {g.mul(sin(x)).neg()}, x);
    }

    /** Standard normal CDF; its derivative is the density exp(-x²/2)/√(2π). */
    static Tensor normalCdf(Tensor x) {
        return Node.record("normal_cdf", kernel(UnaryOp.NORMAL_CDF, x),
                g -> new Tensor[] {g.mul(x.mul(x).mul(-0.5).exp().mul(INV_SQRT_2PI))}, x);
    }

    /** GELU, exact form x·Φ(x) as PyTorch's default. */
    static Tensor gelu(Tensor x) {
        return x.mul(normalCdf(x));
    }

    /** The kernel's op(x) as a constant. */
    private static Tensor kernel(UnaryOp op, Tensor x) {
        return Tensor.from(Unary.apply(op, x.buffer()));
    }
}
