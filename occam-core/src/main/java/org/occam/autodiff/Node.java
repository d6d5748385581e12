package org.occam.autodiff;

import org.occam.tensor.Tensor;

/**
 * How a tensor was computed: the op's name, its inputs, and its backward rule.
 *
 * <p>The backward rule maps the gradient of the output to the gradients of the inputs (null where
 * an input needs none) and is written with the same differentiable ops as the forward pass, so a
 * backward pass run while recording is itself a graph that can be differentiated again.
 */
public final class Node {

    /** Vector-Jacobian product of one op: output cotangent to input cotangents. */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOut);
    }

    private final String op;
    private final Tensor[] inputs;
    private final Backward backward;

    Node(String op, Tensor[] inputs, Backward backward) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
    }

    public String op() {
        return op;
    }

    Tensor[] inputs() {
        return inputs;
    }

    Backward backward() {
        return backward;
    }

    /**
     * Records {@code out = op(inputs)} when recording is on and some input is being differentiated;
     * otherwise returns {@code out} unchanged (a constant).
     */
    public static Tensor record(String op, Tensor out, Backward backward, Tensor... inputs) {
        if (!Recording.enabled()) {
            return out;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return out.withNode(new Node(op, inputs, backward));
            }
        }
        return out;
    }

    /**
     * A fresh variable with the value of {@code t}: the leaf of one transform's trace. When t is
     * itself a variable of an enclosing transform, gradients flow through the new leaf to it.
     */
    static Tensor leaf(Tensor t) {
        Tensor[] parents = t.requiresGrad() ? new Tensor[] {t} : new Tensor[0];
        return t.withNode(new Node("leaf", parents, g -> new Tensor[] {g}));
    }
}
