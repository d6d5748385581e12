package org.occam.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The engine's one entry point for function transforms ({@code org.occam.autodiff}); not for model
 * code, which uses {@link Ops} and {@link Tensor}. A transform makes fresh variables
 * ({@link #leaf}), traces its function on them ({@link #traced}), and pulls a cotangent back
 * ({@link #backward}), recording that pass when it is itself traced ({@link #depth}).
 *
 * <p>The reverse pass visits only nodes on a path from the output to a target, so variables of
 * enclosing transforms (which reach the output through other paths) are never touched: that is
 * what keeps nested transforms from mixing their perturbations.
 */
public final class Graph {
    private Graph() {
    }

    /**
     * A fresh variable with the value of {@code t}: the leaf of one transform's trace. When t is
     * itself a variable of an enclosing transform, gradients flow through the new leaf to it.
     *
     * @param t the value to differentiate at
     * @return the same values as a new variable
     */
    public static Tensor leaf(Tensor t) {
        Tensor[] parents = t.requiresGrad() ? new Tensor[] {t} : new Tensor[0];
        return t.withNode(new Node("leaf", parents, g -> new Tensor[] {g}));
    }

    /**
     * Runs body as one transform's trace: recording on, tracing depth one higher.
     *
     * @param body the traced function applied to its leaves
     * @param <T> the body's result type
     * @return what body returns
     */
    public static <T> T traced(Supplier<T> body) {
        return Recording.traced(body);
    }

    /**
     * The number of transforms tracing on this thread; above 0 a transform's own backward pass
     * must be recorded so that the enclosing transform can differentiate it.
     *
     * @return the tracing depth, 0 at top level
     */
    public static int depth() {
        return Recording.depth();
    }

    /**
     * Gradients of {@code <seed, out>} with respect to each target (zeros where out does not depend
     * on it). With {@code createGraph} the backward pass is recorded and can be differentiated.
     *
     * @param out the traced output
     * @param seed the cotangent, of out's shape
     * @param targets the variables (leaves) to differentiate with respect to
     * @param createGraph whether to record the backward pass
     * @return one gradient per target, of the target's shape
     */
    public static Tensor[] backward(Tensor out, Tensor seed, Tensor[] targets, boolean createGraph) {
        if (!Shape.same(out.shapeRef(), seed.shapeRef())) {
            throw new IllegalArgumentException("cotangent shape " + Shape.str(seed.shapeRef())
                    + " does not match output shape " + Shape.str(out.shapeRef()));
        }
        return Recording.with(createGraph, () -> run(out, seed, targets));
    }

    private static Tensor[] run(Tensor out, Tensor seed, Tensor[] targets) {
        Map<Node, Boolean> isTarget = new IdentityHashMap<>();
        for (Tensor t : targets) {
            if (t.node() != null) {
                isTarget.put(t.node(), Boolean.TRUE);
            }
        }
        Map<Node, Tensor> grads = new IdentityHashMap<>();
        if (out.node() != null) {
            List<Node> order = relevantTopoOrder(out.node(), isTarget);
            Set<Node> relevant = Collections.newSetFromMap(new IdentityHashMap<>());
            relevant.addAll(order);
            if (!order.isEmpty()) {
                grads.put(out.node(), seed);
            }
            for (int k = order.size() - 1; k >= 0; k--) {
                Node node = order.get(k);
                Tensor g = grads.remove(node);
                if (g == null) {
                    continue;
                }
                if (isTarget.containsKey(node)) {
                    grads.put(node, g); // keep: a target's gradient is the answer
                    if (node.arity() == 0 || "leaf".equals(node.op())) {
                        continue;
                    }
                }
                propagate(node, g, grads, relevant);
            }
        }
        Tensor[] result = new Tensor[targets.length];
        for (int i = 0; i < targets.length; i++) {
            Tensor g = targets[i].node() == null ? null : grads.get(targets[i].node());
            result[i] = g != null ? g : Tensor.zeros(targets[i].dtype(), targets[i].shapeRef());
        }
        return result;
    }

    private static void propagate(Node node, Tensor g, Map<Node, Tensor> grads, Set<Node> relevant) {
        Tensor[] gi = node.backward().apply(g);
        for (int i = 0; i < node.arity(); i++) {
            Node in = node.inputNode(i);
            if (in == null || gi[i] == null || !relevant.contains(in)) {
                continue;
            }
            if (!Shape.same(gi[i].shapeRef(), node.inputShape(i))) {
                throw new IllegalStateException("backward of '" + node.op() + "' returned gradient of shape "
                        + Shape.str(gi[i].shapeRef()) + " for input " + i + " of shape " + Shape.str(node.inputShape(i)));
            }
            grads.merge(in, gi[i], Ops::add);
        }
    }

    /**
     * Nodes reachable from root that lead to a target, in topological order (inputs before users).
     * Iterative, so deep graphs do not overflow the stack.
     */
    private static List<Node> relevantTopoOrder(Node root, Map<Node, Boolean> isTarget) {
        Map<Node, Boolean> leads = new IdentityHashMap<>();
        List<Node> post = new ArrayList<>();
        ArrayDeque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        Map<Node, Boolean> onStack = new IdentityHashMap<>();
        onStack.put(root, Boolean.TRUE);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Node n = (Node) frame[0];
            int i = (Integer) frame[1];
            // Targets stop the descent: what lies behind them belongs to enclosing transforms.
            boolean stop = isTarget.containsKey(n) && "leaf".equals(n.op());
            if (!stop && i < n.arity()) {
                frame[1] = i + 1;
                Node t = n.inputNode(i);
                if (t != null && !leads.containsKey(t) && !onStack.containsKey(t)) {
                    onStack.put(t, Boolean.TRUE);
                    stack.push(new Object[] {t, 0});
                }
                continue;
            }
            stack.pop();
            boolean l = isTarget.containsKey(n);
            if (!stop) {
                for (int k = 0; k < n.arity(); k++) {
                    if (n.inputNode(k) != null && Boolean.TRUE.equals(leads.get(n.inputNode(k)))) {
                        l = true;
                        break;
                    }
                }
            }
            leads.put(n, l);
            if (l) {
                post.add(n);
            }
        }
        return post;
    }
}
