package org.occam.tensor;

/**
 * How a tensor was computed: the op's name, its inputs, and its backward rule.
 *
 * <p>The backward rule maps the gradient of the output to the gradients of the inputs (null where
 * an input needs none) and is written with the same differentiable ops as the forward pass, so a
 * backward pass run while recording is itself a graph that can be differentiated again.
 */
final class Node {

    /** Vector-Jacobian product of one op: output cotangent to input cotangents. */
    @FunctionalInterface
    interface Backward {
        Tensor[] apply(Tensor gradOut);
    }

    /** Vector-Jacobian product of an op whose rule reads the op's own output (exp, tanh, ...). */
    @FunctionalInterface
    interface BackwardOfOutput {
        /** Input cotangents from the output cotangent and the recorded output (differentiable through it). */
        Tensor[] apply(Tensor gradOut, Tensor out);
    }

    private final String op;
    // Per input its node (null for a constant) and shape, not the tensor: the graph alone keeps no
    // activation alive; a backward rule keeps exactly the tensors it captures.
    private final Node[] inputNodes;
    private final int[][] inputShapes;
    private final Backward backward;

    Node(String op, Tensor[] inputs, Backward backward) {
        this.op = op;
        this.inputNodes = new Node[inputs.length];
        this.inputShapes = new int[inputs.length][];
        for (int i = 0; i < inputs.length; i++) {
            if (inputs[i] != null) {
                inputNodes[i] = inputs[i].node();
                inputShapes[i] = inputs[i].shapeRef();
            }
        }
        this.backward = backward;
    }

    String op() {
        return op;
    }

    /** Number of inputs (constants and absent ones included). */
    int arity() {
        return inputNodes.length;
    }

    /** The node of input i, or null where that input is a constant or absent. */
    Node inputNode(int i) {
        return inputNodes[i];
    }

    /** The shape of input i (null where it is absent). */
    int[] inputShape(int i) {
        return inputShapes[i];
    }

    Backward backward() {
        return backward;
    }

    /**
     * Records {@code out = op(inputs)} when recording is on and some input is being differentiated;
     * otherwise returns {@code out} unchanged (a constant).
     */
    static Tensor record(String op, Tensor out, Backward backward, Tensor... inputs) {
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
     * As {@link #record(String, Tensor, Backward, Tensor...)}, with a backward rule that is given the
     * recorded output, so a rule such as d exp(x) = g·exp(x) reuses the output and a higher-order
     * derivative flows through it.
     */
    static Tensor record(String op, Tensor out, BackwardOfOutput backward, Tensor... inputs) {
        Output recorded = new Output();
        recorded.tensor = record(op, out, g -> backward.apply(g, recorded.tensor), inputs);
        return recorded.tensor;
    }

    /** The recorded output of an op, set once it exists (after its node). */
    private static final class Output {
        private Tensor tensor;
    }
}
